// Which platform columns are sealed at rest, with their row contexts, and the one-off pass that seals
// rows written before encryption existed (idempotent: a sealed value is recognised by its prefix).
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
  return sealed;
}
