import { createHash } from 'node:crypto';
import { openStore } from '../src/main/db/store';
import { GENESIS } from '../src/main/db/audit';
import { demoFields, seeded } from '../src/main/demo/data';
import { FILING_STATES } from '../src/shared/domain/states';

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文',
];
const WORDS = [
  '瑞丰',
  '海晟',
  '昇华',
  '燊源',
  '龑鑫',
  '喆创',
  '犇腾',
  '珺泰',
  '堃元',
  '鲁海',
  '蓝晶',
  '泓源',
  '宏达',
  '新锐',
  '恒信',
  '华泰',
  '金鼎',
  '中科',
  '天成',
  '远航',
  '博瑞',
  '德润',
  '嘉禾',
  '联创',
];
const KINDS = [
  '新材料',
  '精细化工',
  '医药化学',
  '催化科技',
  '电子化学品',
  '高分子材料',
  '农用化学',
  '氟材料',
  '新能源材料',
  '特种气体',
  '生物化工',
  '涂料',
];
const CITIES = ['山东滨海', '潍坊', '青岛', '烟台', '东营', '淄博', '济南', '日照'];
const PRODUCTS = [
  '4-氟苯甲醛',
  '对硝基甲苯',
  '2-氯吡啶',
  '苯胺',
  '己二腈',
  '环氧丙烷',
  '丙烯酸丁酯',
  '六氟磷酸锂',
  '碳酸亚乙烯酯',
  '聚酰亚胺',
  '双酚A',
  '甲基丙烯酸甲酯',
];

/**
 * A large desk for benchmarks: `filings` realistic filings (varied Chinese names) and `auditEntries` chained
 * audit rows, written straight through SQL in big transactions. Returns the data folder.
 */
export function seedLargeDesk(dir: string, opts: { filings: number; auditEntries: number }): void {
  const store = openStore(dir);
  const db = store.sqlite;
  const rnd = seeded(42);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const insert = db.prepare(
    `INSERT INTO filings (filing_no, state, version, applicant_name, credit_code, project_name, park_id, conditional, step, due_date, next_item_due, waiting_units, created_at, updated_at, submitted_at)
     VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFields = db.prepare('INSERT INTO filing_fields (filing_id, fields) VALUES (?, ?)');
  const base = demoFields(0, 'binhai', 'binhai-pilot', '2026-01-05', '2027-06-30');
  const start = Date.parse('2024-01-01T00:00:00Z');
  const span = Date.parse('2026-11-20T00:00:00Z') - start;
  db.transaction(() => {
    for (let i = 0; i < opts.filings; i++) {
      const firm = `${pick(CITIES)}${pick(WORDS)}${pick(SURNAMES)}${pick(KINDS)}有限公司`;
      const project = `年产${1 + Math.floor(rnd() * 200)}吨${pick(PRODUCTS)}中试项目`;
      const at = new Date(start + rnd() * span).toISOString();
      const state = pick(FILING_STATES);
      const due =
        state === 'in_review' || state === 'submitted' || state === 'approved'
          ? new Date(Date.parse(at) + 25 * 86400000).toISOString().slice(0, 10)
          : null;
      const credit = `9137${String(1000000000000 + i).padStart(13, '0')}X`.slice(0, 18);
      const fields = {
        ...base,
        applicant: { ...base.applicant, name: firm, creditCode: credit },
        project: { ...base.project, name: project },
      };
      const { lastInsertRowid } = insert.run(
        `ZS-${at.slice(0, 4)}-${String(i + 1).padStart(6, '0')}`,
        state,
        firm,
        credit,
        project,
        pick(['binhai', 'gangcheng']),
        rnd() < 0.3 ? 1 : 0,
        due ? 'review' : null,
        due,
        rnd() < 0.2 ? due : null,
        state === 'in_review' ? `,${pick(['yj', 'hb', 'gh', 'sp', 'yq'])},` : '',
        at,
        at,
        at,
      );
      insertFields.run(lastInsertRowid, JSON.stringify(fields));
    }
    // Keep the per-year filing-number sequence in step, as the desk itself would have.
    db.exec(`INSERT OR REPLACE INTO meta (key, value)
             SELECT 'filing_seq_' || substr(filing_no, 4, 4), CAST(MAX(CAST(substr(filing_no, 9) AS INTEGER)) AS TEXT) FROM filings GROUP BY 1`);
  })();
  const audit = db.prepare(
    'INSERT INTO audit_log (at, actor_id, actor_name, unit, action, target, outcome, before, after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let prev = (db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined)?.hash ?? GENESIS;
  const batch = 100_000;
  for (let done = 0; done < opts.auditEntries; done += batch) {
    db.transaction(() => {
      for (let k = 0; k < Math.min(batch, opts.auditEntries - done); k++) {
        const at = new Date(start + ((done + k) / opts.auditEntries) * span).toISOString();
        const row = [
          at,
          2,
          '李静（窗口）',
          'sp',
          'filing.update',
          `filing:${1 + ((done + k) % Math.max(1, opts.filings))}`,
          'ok',
          null,
          '{"k":1}',
        ] as const;
        const hash = createHash('sha256')
          .update(JSON.stringify([prev, ...row]))
          .digest('hex');
        audit.run(...row, prev, hash);
        prev = hash;
      }
    })();
  }
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  if (last) store.head.write(last);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  store.close();
}
