/** The application version, read once from package.json at build time. */
import pkg from '../../package.json';

/** Ferry's version string. */
export const APP_VERSION: string = pkg.version;
