/** The package version, set by electron.vite.config.ts at build time. */
declare const __APP_VERSION__: string;
