const KEY = 'lanyard:installation-id';

/**
 * A random id for this installation (this profile), kept in local storage. With a conference
 * it names the MQTT client, so the broker can keep the persistent session across restarts;
 * it identifies nothing else and is never sent anywhere but to the conference's own broker.
 */
export function installationId(): string {
  try {
    const stored = window.localStorage.getItem(KEY);
    if (stored && /^[A-Za-z0-9-]{8,64}$/.test(stored)) return stored;
    const fresh = crypto.randomUUID();
    window.localStorage.setItem(KEY, fresh);
    return fresh;
  } catch {
    // No storage (a locked-down profile): a session for this run only.
    return crypto.randomUUID();
  }
}
