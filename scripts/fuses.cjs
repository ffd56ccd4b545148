// electron-builder afterPack hook: flips Electron's fuses in the packaged binary before it is
// signed, turning off the ways to run the app's Electron as a plain Node.js or to inspect it, and the
// extra privileges Electron grants to file:// pages (the app is served from app://).
const { join } = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

/** The Electron executable (or .app bundle) electron-builder just wrote to appOutDir. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`);
  return join(appOutDir, packager.executableName ?? 'lanyard');
}

/** The fuses every packaged build gets; exported so a unit test can hold them to the checklist. */
const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The app loads from its own app:// protocol, never file://; file: pages get no extra powers.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

module.exports = async function afterPack(context) {
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(electronBinary(context), {
    ...FUSES,
    // Flipping fuses invalidates the ad-hoc signature macOS (Apple Silicon) requires; re-sign ad hoc.
    resetAdHocDarwinSignature: isMac,
  });
};
module.exports.FUSES = FUSES;
