import sampleText from '../../assets/sample/centos-connect-2023.lanyard.json?raw';
import { importFeed, type ImportResult } from '../../core/formats/index';

/** The built-in CentOS Connect 2023 conference, bundled so a first start needs no network. */
export function loadSample(): ImportResult {
  return importFeed(sampleText);
}
