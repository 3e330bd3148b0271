import { safeStorage } from 'electron';
import { keychainSecretBox, type SecretBox } from '../services/channels/secrets';

/**
 * The channels' secrets sealed by the system keychain (DPAPI, Keychain, libsecret/kwallet). Linux
 * without a keyring falls back to `basic_text`, a fixed password anyone can read: then, and when no
 * encryption is available at all, the key file in the data folder seals them instead.
 */
export function safeStorageSecretBox(dataDir: string): SecretBox {
  return keychainSecretBox(dataDir, {
    available:
      safeStorage.isEncryptionAvailable() &&
      (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
    encrypt: (text) => safeStorage.encryptString(text),
    decrypt: (data) => safeStorage.decryptString(data),
  });
}
