import { z } from 'zod';
import { channel } from './define';
import { empty, id, idempotencyKey, nameText, opinionText, version } from '../schemas/common';

const stamp = () => z.string();

export const CERTIFICATE_STATUSES = ['issued', 'suspended', 'revoked', 'superseded'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export const VERIFY_RESULTS = ['valid', 'invalid', 'suspended', 'revoked'] as const;
export type VerifyResult = (typeof VERIFY_RESULTS)[number];

/** Notices a clerk prints (domain §5), from the same engine as the certificate. */
export const NOTICE_KINDS = ['conditional', 'correction', 'notAccepted', 'rejected', 'supplement'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** A notice as issued and kept with the filing: the date it bears (its decision's) and when the desk stored it. */
export const issuedNoticeSchema = z.strictObject({
  id: id(),
  kind: z.enum(NOTICE_KINDS),
  decidedAt: stamp(),
  issuedAt: stamp(),
  filename: z.string(),
});
export type IssuedNotice = z.infer<typeof issuedNoticeSchema>;

/** One register row: the issued facts never change; only status and its reason and time do. */
export const certificateViewSchema = z.strictObject({
  id: id(),
  number: z.string(),
  year: z.number().int(),
  seq: z.number().int(),
  filingId: id(),
  filingNo: z.string(),
  projectName: z.string(),
  applicantName: z.string(),
  status: z.enum(CERTIFICATE_STATUSES),
  /** Issued, but its pilot closed at the end of the run period: no longer in force, nothing left to re-issue or revoke. */
  closed: z.boolean(),
  issuedAt: stamp(),
  issuedBy: z.string(),
  verificationCode: z.string(),
  keyId: z.string(),
  recordHash: z.string(),
  replacesId: id().nullable(),
  replacesNumber: z.string().nullable(),
  replacedById: id().nullable(),
  replacedByNumber: z.string().nullable(),
  statusReason: z.string(),
  statusChangedAt: stamp().nullable(),
  size: z.number().int().nonnegative(),
});
export type CertificateView = z.infer<typeof certificateViewSchema>;

/** Why a certificate may not be issued now: a catalogue key and its parameters. */
export const problemSchema = z.strictObject({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });

export const filingCertificatesSchema = z.strictObject({
  filingId: id(),
  filingVersion: version(),
  canIssue: z.boolean(),
  problems: z.array(problemSchema),
  certificates: z.array(certificateViewSchema),
  /** Notices this filing's decisions produce (conditional acceptance, correction, not accepted, rejected). */
  notices: z.array(z.enum(NOTICE_KINDS)),
  /** Every notice issued for the filing, newest first, each kept as issued. */
  issuedNotices: z.array(issuedNoticeSchema),
});
export type FilingCertificates = z.infer<typeof filingCertificatesSchema>;

/** The facts printed on a certificate that a reader compares with the paper (domain §8 "Verification"). */
export const registeredFactsSchema = z.strictObject({
  applicantName: z.string(),
  creditCode: z.string(),
  legalRepresentative: z.string(),
  projectName: z.string(),
  parkName: z.string(),
  baseName: z.string(),
  bay: z.string(),
  runFrom: z.string(),
  runTo: z.string(),
  extensionTo: z.string().nullable(),
  issuer: z.string(),
  issueDate: z.string(),
});
export type RegisteredFacts = z.infer<typeof registeredFactsSchema>;

export const verifyOutputSchema = z.strictObject({
  result: z.enum(VERIFY_RESULTS),
  /** Stable reason code: ok, format, unknownKey, signature, recordMismatch, unknownCode, noCode, superseded, revoked, suspended, closed, foreignDesk. */
  reason: z.string(),
  /** The reason in the caller's language. */
  message: z.string(),
  number: z.string().nullable(),
  filingNo: z.string().nullable(),
  projectName: z.string().nullable(),
  issuedAt: stamp().nullable(),
  keyId: z.string().nullable(),
  /** For a superseded certificate: the number that replaced it. */
  replacedBy: z.string().nullable(),
  /** Whether the desk's own register holds this certificate (status and record were checked locally). */
  known: z.boolean(),
  /**
   * The registered facts, when this desk holds the record: a genuine code proves the record, not the paper, so the
   * verifier compares these with the paper in hand. Null when only the public key is held.
   */
  facts: registeredFactsSchema.nullable(),
  /** What the code itself proves (always, when its signature checked): the record's hash, who signed it and when. */
  recordHash: z.string().nullable(),
  /** The certificate's status in this desk's register, with when and why it last changed. */
  status: z.strictObject({ status: z.enum([...CERTIFICATE_STATUSES, 'closed']), at: stamp().nullable(), reason: z.string() }).nullable(),
  /** For a PDF: its SHA-256 equals the file this desk issued, or not; null when no file was given or none is held. */
  file: z.enum(['issued', 'differs']).nullable(),
});
export type VerifyOutput = z.infer<typeof verifyOutputSchema>;

const PDF_MAX_BASE64 = Math.ceil((20 * 1024 * 1024) / 3) * 4 + 4;

export const verifyInputSchema = z
  .strictObject({
    /** The decoded 2-D code (PDC1|…). */
    text: z.string().max(2000).optional(),
    /** The 10-character code printed beside it. */
    code: z.string().max(40).optional(),
    /** The certificate number printed under the title; with `code`, both must belong to one certificate. */
    number: z.string().max(200).optional(),
    /** A certificate PDF (the desk embeds the code's text in the document's keywords). */
    pdfBase64: z.string().max(PDF_MAX_BASE64, { error: 'v.file.tooLarge' }).optional(),
  })
  .refine((v) => [v.text, v.code, v.pdfBase64].filter((x) => x !== undefined && x.trim() !== '').length === 1, {
    error: 'v.cert.oneInput',
  })
  .refine((v) => v.number === undefined || v.number.trim() === '' || (v.code ?? '').trim() !== '', {
    error: 'v.cert.numberWithCode',
    path: ['number'],
  });

export const keySchema = z.strictObject({
  keyId: z.string(),
  publicKeyPem: z.string(),
  label: z.string(),
  own: z.boolean(),
  importedAt: stamp().nullable(),
});

export const certificateListInput = z.strictObject({
  query: z
    .string()
    .max(200)
    .transform((s) => s.normalize('NFC').trim()),
  status: z.enum(CERTIFICATE_STATUSES).nullable(),
  offset: z.number().int().min(0).max(10_000_000),
  limit: z.number().int().min(1).max(500),
});
export type CertificateListInput = z.output<typeof certificateListInput>;

const reason = () => opinionText().pipe(z.string().min(1, { error: 'v.required' }));

export const certificatesContract = {
  /** The filing's certificates, whether one may be issued now (and why not), and the notices it has. */
  'certificate.forFiling': channel({
    input: z.strictObject({ filingId: id() }),
    output: filingCertificatesSchema,
    access: 'user',
    writes: false,
  }),
  'certificate.issue': channel({
    input: z.strictObject({ filingId: id(), version: version(), idempotencyKey: idempotencyKey() }),
    output: certificateViewSchema,
    access: ['clerk'],
    writes: true,
    idempotent: true,
  }),
  'certificate.get': channel({ input: z.strictObject({ id: id() }), output: certificateViewSchema, access: 'user', writes: false }),
  'certificate.list': channel({
    input: certificateListInput,
    output: z.strictObject({ total: z.number().int(), rows: z.array(certificateViewSchema) }),
    access: 'user',
    writes: false,
  }),
  'certificate.verify': channel({ input: verifyInputSchema, output: verifyOutputSchema, access: 'user', writes: false }),
  /** Characters of a text that no font on this desk's machine can print (the intake form warns while typing). */
  'certificate.glyphCheck': channel({
    input: z.strictObject({ text: z.string().max(20_000) }),
    output: z.strictObject({ missing: z.array(z.strictObject({ char: z.string(), codePoint: z.string() })) }),
    access: 'user',
    writes: false,
  }),
  'certificate.revoke': channel({
    input: z.strictObject({ id: id(), reason: reason() }),
    output: certificateViewSchema,
    access: ['clerk'],
    writes: true,
  }),
  'certificate.reissue': channel({
    input: z.strictObject({ id: id(), reason: reason(), idempotencyKey: idempotencyKey() }),
    output: certificateViewSchema,
    access: ['clerk'],
    writes: true,
    idempotent: true,
  }),
  /** This desk's public key, for other desks to import. */
  'certificate.publicKey': channel({
    input: empty,
    output: z.strictObject({ keyId: z.string(), publicKeyPem: z.string() }),
    access: 'user',
    writes: false,
  }),
  'certificate.keys': channel({ input: empty, output: z.array(keySchema), access: 'user', writes: false }),
  /** Trust another desk's public key, so its certificates verify here. */
  'certificate.importKey': channel({
    input: z.strictObject({ publicKeyPem: z.string().min(1, { error: 'v.required' }).max(4000), label: nameText() }),
    output: keySchema,
    access: ['admin'],
    writes: true,
  }),
  /** The latest issued notice of this kind; the PDF, as issued, is served by the `notice` file route at `fileId`. */
  'documents.notice': channel({
    input: z.strictObject({ filingId: id(), kind: z.enum(NOTICE_KINDS, { error: 'v.choice' }) }),
    output: z.strictObject({ fileId: z.string(), filename: z.string() }),
    access: 'user',
    writes: false,
  }),
};
