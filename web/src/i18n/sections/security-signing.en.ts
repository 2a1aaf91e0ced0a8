import type { signingZhCN } from './security-signing.zh-CN.ts';

// English texts of the signatures page; the keys are those of security-signing.zh-CN.ts.
export const signingEn: Record<keyof typeof signingZhCN, string> = {
  'signing.menu': 'Signatures',
  'signing.title': 'Signatures and verification',
  'signing.description':
    'The platform signs shared data, exports and receipts with SM2. A holder can check with the public keys below, or on this page, that a file was issued by the platform and not changed since.',
  'signing.keys': 'Public signing keys',
  'signing.keysHint':
    'The public keys may be published; they check files the platform issued. Retired keys are kept so that files signed before their retirement still verify.',
  'signing.noKeys': 'The platform has not published a signing key yet',
  'signing.status': 'Status',
  'signing.status.current': 'Current',
  'signing.status.retired': 'Retired',
  'signing.algorithm': 'Algorithm',
  'signing.alg.sm2': 'SM2 signature (SM3 hash)',
  'signing.alg.ed25519': 'Ed25519',
  'signing.keyId': 'Key id',
  'signing.userId': 'SM2 user id',
  'signing.firstUsed': 'In use since',
  'signing.retired': 'Retired on',
  'signing.publicKey': 'Public key (PEM)',
  'signing.verify': 'Check a signed file',
  'signing.verifyHint':
    'Pick or paste a signed file the platform issued (JSON, format zhengshu-signed/1) to check that the signature is valid and the content unchanged. The check uses the public keys only and reads no platform data.',
  'signing.file': 'Signed file',
  'signing.pickFile': 'Pick a file',
  'signing.fileRead': '{name} read',
  'signing.envelope': 'Content of the signed file',
  'signing.envelopePlaceholder':
    '{"format":"zhengshu-signed/1","alg":"SM2-SM3","keyId":"…","payload":{…},"signature":"…"}',
  'signing.envelopeRequired': 'Pick a signed file or paste its content',
  'signing.notJson': 'The content is not valid JSON: {reason}',
  'signing.notObject': 'A signed file is one JSON object (starting with {)',
  'signing.verifyButton': 'Check the signature',
  'signing.valid': 'Valid signature: the platform issued this file and it has not been changed since',
  'signing.invalid': 'The signature is not valid',
  'signing.notChecked': 'The check could not be made',
  'signing.signedAt': 'Signed at',
  'signing.payload': 'Signed content',
};
