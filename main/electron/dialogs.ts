import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { decodeFeedBytes } from '../../core/formats/decode';

/** No real schedule comes near this; anything bigger is a mistake or an attack. */
export const MAX_FEED_FILE_BYTES = 32 * 1024 * 1024;

export const FEED_FILE_OPTIONS: OpenDialogOptions = {
  title: 'Open a schedule file',
  properties: ['openFile'],
  filters: [
    { name: 'Schedules (.xml, .json, .ics, .xcal)', extensions: ['xml', 'json', 'ics', 'xcal'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

/** Reads a chosen file as text in its own encoding (see decodeFeedBytes), refusing anything that is not a regular file or is too big. */
export async function readFeedFile(path: string): Promise<{ name: string; text: string }> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error('That is not a file.');
    if (info.size > MAX_FEED_FILE_BYTES) throw new Error('That file is larger than 32 MB, far more than any schedule needs.');
    const bytes = await handle.readFile();
    if (bytes.byteLength > MAX_FEED_FILE_BYTES) throw new Error('That file is larger than 32 MB, far more than any schedule needs.');
    return { name: basename(path), text: decodeFeedBytes(bytes) };
  } finally {
    await handle.close();
  }
}

/** The native "open a schedule file" dialog; null when the person cancels. */
export async function openFeedFile(parent?: BrowserWindow): Promise<{ name: string; text: string } | null> {
  const result = parent ? await dialog.showOpenDialog(parent, FEED_FILE_OPTIONS) : await dialog.showOpenDialog(FEED_FILE_OPTIONS);
  const path = result.filePaths[0];
  if (result.canceled || !path) return null;
  return readFeedFile(path);
}

/** The native "choose the sync folder" dialog; null when the person cancels. */
export async function chooseSyncFolder(parent?: BrowserWindow): Promise<string | null> {
  const options: OpenDialogOptions = { title: 'Choose a folder you already sync between your computers', properties: ['openDirectory', 'createDirectory'] };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  const path = result.filePaths[0];
  return result.canceled || !path ? null : path;
}
