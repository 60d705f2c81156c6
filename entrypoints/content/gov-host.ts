/** True for hosts the extension scans by itself (least privilege: *.gov.cn only). */
export function isGovHost(host: string): boolean {
  return host === 'gov.cn' || host.endsWith('.gov.cn');
}

/** The pages the scanner goes to by itself; also the host permission it needs for that. */
export const GOV_MATCHES = ['*://*.gov.cn/*'];
