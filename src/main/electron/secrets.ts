import { safeStorage } from 'electron';
import { keyFileSecretBox, type SecretBox } from '../services/channels/secrets';

const OS_PREFIX = 'os:v1:';

/**
 * The channels' secrets sealed by the system keychain (DPAPI, Keychain, libsecret/kwallet). Linux
 * without a keyring falls back to `basic_text`, a fixed password anyone can read: then, and when no
 * encryption is available at all, the key file in the data folder seals them instead. Values sealed
 * either way stay readable on this PC whichever is used next.
 */
export function safeStorageSecretBox(dataDir: string): SecretBox {
  const fallback = keyFileSecretBox(dataDir);
  const keychain =
    safeStorage.isEncryptionAvailable() &&
    (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
  if (!keychain) return fallback;
  return {
    keptBy: 'os',
    // The label rides inside the sealed text: a value moved to another field does not open there.
    seal: (label, text) => OS_PREFIX + safeStorage.encryptString(`${label}\n${text}`).toString('base64'),
    open(label, sealed) {
      if (!sealed.startsWith(OS_PREFIX)) return fallback.open(label, sealed);
      try {
        const plain = safeStorage.decryptString(Buffer.from(sealed.slice(OS_PREFIX.length), 'base64'));
        return plain.startsWith(`${label}\n`) ? plain.slice(label.length + 1) : null;
      } catch {
        // Another user profile or PC: the manager types the secret again.
        return null;
      }
    },
  };
}
