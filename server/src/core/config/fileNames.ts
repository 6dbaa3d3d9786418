/**
 * Where `.berthrc.yaml` files are found: names only, no reader, so the VS Code client can watch for them at
 * activation without loading the YAML parser (berthrc.ts re-exports these for everyone else).
 */

/** The names looked for in a folder, in this order. */
export const CONFIG_FILE_NAMES: readonly string[] = ['.berthrc.yaml', '.berthrc.yml'];

/** A glob for the configuration files at any depth (file watchers, workspace searches). */
export const CONFIG_FILE_GLOB = `**/{${CONFIG_FILE_NAMES.join(',')}}`;
