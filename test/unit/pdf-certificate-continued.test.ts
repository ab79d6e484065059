import { describe, expect, it } from 'vitest';
import { renderCertificate, type CertificateDoc } from '../../src/main/pdf/certificate';
import { extractText } from '../helpers/pdf-render';
import { sampleCertificate } from './pdf-fixtures';

/**
 * Issue 15 §5 (domain §8 "One page"): a certificate longer than a page continues on pages headed "（续）" with the
 * number, each numbered "第 n 页 共 N 页", and the closing (特此证明, code, issuer) on the last.
 */
const chemicals: CertificateDoc['chemicals'] = [
  { name: '无水氟化氢', cas: '7664-39-3', maxInProcessT: 0.8, maxStoredT: 2.5 },
  { name: '五氯化磷', cas: '10026-13-8', maxInProcessT: 0.35, maxStoredT: null },
  { name: '氟化锂', cas: '7789-24-4', maxInProcessT: 0.2, maxStoredT: 1.2 },
];
const openItems: CertificateDoc['openItems'] = [
  { text: '补交中试装置应急预案', verifyingUnit: '应急管理局', dueDate: '2026-12-20', kind: '容缺材料' },
  { text: 'HAZOP分析报告建议项整改闭环', verifyingUnit: '应急管理局', dueDate: '2027-01-15', kind: '限制试运行' },
  { text: '危险废物暂存间完成验收并报园区备案', verifyingUnit: '生态环境分局', dueDate: '2027-01-30', kind: '附加条件' },
];

describe('certificate pages', () => {
  it('a long one continues on headed, numbered pages', async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...openItems[i % 3]!, text: `${openItems[i % 3]!.text}（第${i + 1}项）` }));
    const bytes = await renderCertificate(sampleCertificate({ chemicals: [...chemicals, ...chemicals], openItems: many }));
    const texts = (await extractText(bytes)).map((t) => t.replace(/\s+/g, ''));
    expect(texts.length).toBeGreaterThanOrEqual(2);
    texts.forEach((t, i) => {
      expect(t).toContain(`第${i + 1}页共${texts.length}页`);
      if (i > 0) expect(t).toContain('化工中试项目登记备案证明（续）');
    });
    expect(texts[texts.length - 1]).toContain('特此证明');
  });
});
