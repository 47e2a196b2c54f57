/** Routes the main process's events into the stores; returns the function that stops it. */
import { getApi } from '../api/getApi';
import { useKeepUpToDate } from './keepUpToDateStore';
import { useLogStore } from './logStore';
import { useQueue } from './queueStore';
import { useSettings } from './settingsStore';
import { useEdits } from './editStore';
import { useSync } from './syncStore';
import { useSshQuestions } from './sshQuestionStore';

/** Subscribes every store to its events. */
export function connectEvents(): () => void {
  const api = getApi();
  const offs = [
    api.on('log', (batch) => useLogStore.getState().append(batch)),
    api.on('queue', (change) => useQueue.getState().receive(change)),
    api.on('queueQuestions', (questions) => useQueue.getState().setQuestions(questions)),
    api.on('settings', (settings) => useSettings.getState().receive(settings)),
    api.on('keepUpToDate', (statuses) => useKeepUpToDate.getState().receive(statuses)),
    api.on('edits', (edits) => useEdits.getState().receive(edits)),
    api.on('syncStatus', (status) => useSync.getState().receiveStatus(status)),
    api.on('sshQuestions', (questions) => useSshQuestions.getState().receive(questions)),
    api.on('appCommand', (command) => {
      if (command === 'openSettings') useSettings.getState().openDialog();
      if (command === 'synchronize') useSync.getState().open();
    }),
  ];
  void useQueue.getState().load();
  void useSettings.getState().load();
  void useEdits.getState().load();
  return () => offs.forEach((off) => off());
}
