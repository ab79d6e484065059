import type { Messages } from './index';

/** Certificates: issuing rules, verification results, the register, the verify page and the notices. */
export const certificates: Messages = {
  // why a certificate cannot be issued
  'cert.problem.exists': ['该项目已有有效的登记备案证明', 'This filing already has a certificate in force'],
  'cert.problem.state': ['当前状态（{{state}}）不能发证：须联合审查通过', 'Cannot issue in state {{state}}: the joint review must have approved the filing'],
  'cert.problem.undecided': ['尚有单位未完成审查或需重新确认：{{units}}', 'Some units have not decided or must re-confirm: {{units}}'],
  'cert.problem.lockingConditions': ['有 {{n}} 项暂缓登记的审查条件尚未销号', '{{n}} condition(s) that hold back registration are still open'],
  'cert.problem.missingPapers': ['按"补齐后登记"规则，尚有 {{n}} 项容缺材料未补齐', 'Under the "register after supply" policy, {{n}} missing paper(s) are still open'],
  'cert.notReissuable': ['该证明状态为 {{status}}，不能换发', 'A certificate in status {{status}} cannot be re-issued'],
  'cert.notRevocable': ['该证明状态为 {{status}}，不能撤销', 'A certificate in status {{status}} cannot be revoked'],
  'cert.noneInForce': ['该项目没有有效的登记备案证明', 'This filing has no certificate in force'],
  'cert.keyIsOwn': ['这是本窗口自己的公钥，无需导入', 'This is this desk\'s own public key; there is nothing to import'],
  'cert.noNotice': ['该项目的决定不产生此类通知书', 'This filing\'s decisions do not produce that notice'],
  'v.cert.oneInput': ['请提供二维码内容、核验码或证明PDF中的一项', 'Give exactly one of: the decoded 2-D code, the verification code, or the certificate PDF'],
  'v.cert.publicKey': ['不是有效的 Ed25519 公钥（PEM 格式）', 'Not a valid Ed25519 public key (PEM)'],
  // verification results
  'cert.reason.ok': ['证明真实有效', 'The certificate is genuine and in force'],
  'cert.reason.format': ['二维码内容格式不正确', 'The code text is not in the certificate format'],
  'cert.reason.unknownKey': ['签发密钥不在本窗口信任的密钥中', 'The signing key is not one this desk trusts'],
  'cert.reason.signature': ['签名校验失败：内容被改动或伪造', 'The signature does not match: the content was changed or forged'],
  'cert.reason.recordMismatch': ['与登记簿中的登记记录不一致', 'It does not match the registered record in the register'],
  'cert.reason.notInRegister': ['本窗口登记簿中没有该证明', 'This desk\'s register has no such certificate'],
  'cert.reason.unknownCode': ['没有与该核验码对应的证明', 'No certificate has that verification code'],
  'cert.reason.noCode': ['该PDF中没有登记备案证明的核验信息', 'That PDF carries no certificate verification data'],
  'cert.reason.superseded': ['该证明已被换发，现行证明为 {{replacedBy}}', 'This certificate was replaced by {{replacedBy}}'],
  'cert.reason.revoked': ['该证明已被撤销', 'This certificate has been revoked'],
  'cert.reason.suspended': ['该证明已被暂停', 'This certificate is suspended'],
  'cert.reason.foreignDesk': ['签名有效（其他窗口签发，状态请向签发机关核实）', 'Signature valid (issued by another desk; check its status with the issuer)'],
};
