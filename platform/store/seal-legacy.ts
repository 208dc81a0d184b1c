// Which platform columns are sealed at rest, with their row contexts, and the one-off pass that seals
// rows written before encryption existed (idempotent: a sealed value is recognised by its prefix).
// Material chunks have their own pass (sql-blobs.ts: sealLegacyChunks).
import { isSealed, type DataCipher } from './data-cipher';
import type { SqlEngine } from './sql';

/** The applicant columns in INSERT order: name, ID number, phone, form JSON. */
export function sealApplicant(cipher: DataCipher, id: string, a: { name: string; idNumber: string; phone: string | null; form: string }): [string, string, string | null, string] {
  return [
    cipher.seal(a.name, `applications.applicant_name:${id}`),
    cipher.seal(a.idNumber, `applications.applicant_id_number:${id}`),
    cipher.sealNullable(a.phone, `applications.applicant_phone:${id}`),
    cipher.seal(a.form, `applications.form:${id}`),
  ];
}

/** A recorded agent's row context: the application and the row's own random salt (rows have no id before insert). */
export const agentContext = (column: 'name' | 'id_number', applicationId: string, salt: string) => `application_agents.${column}:${applicationId}:${salt}`;

/** A delivery's row context: one delivery per application. */
export const deliveryContext = (column: 'collector_name' | 'collector_id_number', applicationId: string) => `deliveries.${column}:${applicationId}`;

export async function sealLegacyRows(db: SqlEngine, cipher: DataCipher): Promise<number> {
  let sealed = 0;
  const terminals = await db.all<{ id: string; secret: string }>("SELECT id, secret FROM terminals WHERE secret NOT LIKE 'enc1:%'");
  for (const t of terminals) {
    sealed += await db.run('UPDATE terminals SET secret = ? WHERE id = ? AND secret = ?', [cipher.seal(t.secret, `terminals.secret:${t.id}`), t.id, t.secret]);
  }
  for (;;) {
    const rows = await db.all<{ id: string; applicant_name: string; applicant_id_number: string; applicant_phone: string | null; form: string }>(
      "SELECT id, applicant_name, applicant_id_number, applicant_phone, form FROM applications WHERE applicant_name NOT LIKE 'enc1:%' LIMIT 500",
    );
    if (rows.length === 0) break;
    await db.transaction(async (tx) => {
      for (const r of rows) {
        if (isSealed(r.applicant_name)) continue;
        const [name, idNumber, phone, form] = sealApplicant(cipher, r.id, { name: r.applicant_name, idNumber: r.applicant_id_number, phone: r.applicant_phone, form: r.form });
        sealed += await tx.run('UPDATE applications SET applicant_name = ?, applicant_id_number = ?, applicant_phone = ?, form = ? WHERE id = ?', [name, idNumber, phone, form, r.id]);
      }
    });
  }
  const texts = await db.all<{ id: string; text: string }>("SELECT id, text FROM evaluations WHERE text IS NOT NULL AND text NOT LIKE 'enc1:%'");
  for (const e of texts) sealed += await db.run('UPDATE evaluations SET text = ? WHERE id = ?', [cipher.seal(e.text, `evaluations.text:${e.id}`), e.id]);
  return sealed + (await sealLegacyAgents(db, cipher)) + (await sealLegacyDeliveries(db, cipher));
}

const sealOnce = (cipher: DataCipher, value: string, context: string) => (isSealed(value) ? value : cipher.seal(value, context));
const sealOnceNullable = (cipher: DataCipher, value: string | null, context: string) => (value === null ? null : sealOnce(cipher, value, context));

async function sealLegacyAgents(db: SqlEngine, cipher: DataCipher): Promise<number> {
  let sealed = 0;
  const rows = await db.all<{ id: number; application_id: string; name: string; id_number: string; salt: string }>(
    "SELECT id, application_id, name, id_number, salt FROM application_agents WHERE name NOT LIKE 'enc1:%' OR id_number NOT LIKE 'enc1:%'",
  );
  for (const r of rows) {
    const name = sealOnce(cipher, r.name, agentContext('name', r.application_id, r.salt));
    const idNumber = sealOnce(cipher, r.id_number, agentContext('id_number', r.application_id, r.salt));
    sealed += await db.run('UPDATE application_agents SET name = ?, id_number = ? WHERE id = ? AND name = ? AND id_number = ?', [name, idNumber, r.id, r.name, r.id_number]);
  }
  return sealed;
}

async function sealLegacyDeliveries(db: SqlEngine, cipher: DataCipher): Promise<number> {
  let sealed = 0;
  const rows = await db.all<{ application_id: string; collector_name: string | null; collector_id_number: string | null }>(
    "SELECT application_id, collector_name, collector_id_number FROM deliveries WHERE collector_name NOT LIKE 'enc1:%' OR collector_id_number NOT LIKE 'enc1:%'",
  );
  for (const r of rows) {
    const name = sealOnceNullable(cipher, r.collector_name, deliveryContext('collector_name', r.application_id));
    const idNumber = sealOnceNullable(cipher, r.collector_id_number, deliveryContext('collector_id_number', r.application_id));
    sealed += await db.run('UPDATE deliveries SET collector_name = ?, collector_id_number = ? WHERE application_id = ?', [name, idNumber, r.application_id]);
  }
  return sealed;
}
