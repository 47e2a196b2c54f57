/**
 * The names of the contract's methods and events, without their schemas, so the sandboxed
 * preload can expose exactly these and nothing generic without bundling zod.
 * Must not import node:*, the DOM or React.
 */

/** Every method name, in the order the preload exposes them. */
export const METHOD_NAMES = [
  'appInfo',
  'localList',
  'localMkdir',
  'localRename',
  'localDelete',
  'remoteConnect',
  'remoteDisconnect',
  'remoteList',
  'remoteMkdir',
  'remoteRename',
  'remoteDelete',
  'remoteChmod',
  'remoteClock',
  'remoteConnectSite',
  'sitesStatus',
  'sitesList',
  'sitesCreate',
  'sitesUpdate',
  'sitesDuplicate',
  'sitesDetectClockAgain',
  'sitesDelete',
  'sitesMove',
  'sitesCreateFolder',
  'sitesRenameFolder',
  'sitesDeleteFolder',
  'sitesImport',
  'sitesExport',
  'sitesSetMasterPassword',
  'sitesUnlock',
  'sitesLock',
  'sitesChangeMasterPassword',
  'sitesForgetPasswords',
  'queueAdd',
  'queueList',
  'queuePause',
  'queueResume',
  'queueCancel',
  'queueRetry',
  'queueRemove',
  'queueMove',
  'queueClearFinished',
  'queueAnswerExists',
  'queueSetOptions',
  'keepUpToDateStart',
  'keepUpToDateStop',
  'syncInfo',
  'syncPreview',
  'syncCancelPreview',
  'syncRun',
  'settingsGet',
  'settingsUpdate',
  'editOpen',
  'editList',
  'editShow',
  'editSave',
  'editAnswerOffer',
  'editResolveConflict',
  'editClose',
  'sshAnswer',
] as const;

/** Every event name. */
export const EVENT_NAMES = ['log', 'queue', 'queueQuestions', 'settings', 'keepUpToDate', 'syncStatus', 'appCommand', 'edits', 'sshQuestions'] as const;

/** A method's name. */
export type MethodName = (typeof METHOD_NAMES)[number];
/** An event's name. */
export type EventName = (typeof EVENT_NAMES)[number];
