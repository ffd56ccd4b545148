import { safeStorage } from 'electron';
import { fileSecrets, type SecretStore } from '../services/calendar-service';

/**
 * The desktop app's password storage: Electron's safeStorage (the system keyring: libsecret
 * or KWallet on Linux, Keychain on macOS, DPAPI on Windows). Where no keyring is available
 * (safeStorage would only obfuscate), the password is kept like web mode's, in a file only
 * the user can read, and the status says so.
 */
export function keyringSecrets(): SecretStore {
  const isReal = safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
  if (!isReal) return fileSecrets;
  return {
    kind: 'keyring',
    seal: (password) => safeStorage.encryptString(password).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
