/**
 * The real servers the queue's integration tests run against: the shared harness. Kept as one
 * import point so a suite can narrow the kinds it needs in one place. Test-only.
 */
export { SERVER_KINDS, SERVER_SUPPORTS, startServer, type RunningServer, type ServerKind } from '../../servers';
