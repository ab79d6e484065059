import { PDFDocument } from 'pdf-lib';

/**
 * The 2-D code's text also travels inside the PDF as its Keywords, so a certificate file can be verified without
 * decoding the picture. The keywords are data only: verification still checks the signature they carry.
 */
const MARK = 'PDC1|';

export async function embedCode(pdf: Uint8Array, qrText: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setKeywords([qrText]);
  return doc.save({ useObjectStreams: true });
}

/** The code text from a PDF's Keywords, or null when the file is not a certificate of this kind. */
export async function extractCode(pdf: Uint8Array): Promise<string | null> {
  let keywords: string | undefined;
  try {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
    keywords = doc.getKeywords();
  } catch {
    return null;
  }
  if (!keywords) return null;
  const at = keywords.indexOf(MARK);
  if (at < 0) return null;
  // setKeywords joins with spaces; the code text itself has none but in the number, which comes last.
  return keywords.slice(at).trim();
}
