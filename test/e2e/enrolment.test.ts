import { describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, screenshot, signIn } from '../helpers/browser';
import {
  DESKTOP,
  expectNoSidewaysScroll,
  phoneContext,
  publishedProgramme,
  tag,
  useBrowser,
} from './support';

describe('enrolment and attendance', () => {
  const browser = useBrowser();

  it('a pegawai requests a programme, the atasan approves, BKPSDM approves (1280 px)', async () => {
    const op = await browser().newContext(DESKTOP);
    const opPage = await op.newPage();
    await signIn(opPage, 'operator.bkpsdm');
    const title = `Pelatihan Uji Pendaftaran ${tag()}`;
    const p = await publishedProgramme(op, title, [[60 * 24 * 20, 60 * 24 * 20 + 360]]);

    const peg = await browser().newContext(DESKTOP);
    const page = await peg.newPage();
    await signIn(page, 'pegawai.dukcapil');
    await page.goto(`${baseUrl()}/program/${p.id}`);
    await page.getByRole('button', { name: 'Ajukan ikut' }).click();
    await page.getByRole('button', { name: 'Kirim' }).click();
    // The reason is required: the server says so beside the field.
    await page
      .getByText(/tulis alasan singkat/i)
      .first()
      .waitFor();
    await page.getByLabel('Alasan').fill('Untuk meningkatkan pelayanan adminduk.');
    await page.getByRole('button', { name: 'Kirim' }).click();
    await page.getByTestId('enrol-status').filter({ hasText: 'Menunggu atasan' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'enrol-request-1280');

    const at = await browser().newContext(DESKTOP);
    const atPage = await at.newPage();
    await signIn(atPage, 'atasan.dukcapil');
    await atPage
      .getByRole('navigation', { name: /menu utama/i })
      .getByRole('link', { name: 'Persetujuan' })
      .click();
    await atPage.getByRole('heading', { level: 1, name: 'Persetujuan' }).waitFor();
    const card = atPage.getByTestId('approval').filter({ hasText: title });
    await card.waitFor();
    await expectAccessible(atPage);
    await screenshot(atPage, 'persetujuan-atasan-1280');
    await card.getByRole('button', { name: 'Setujui' }).click();
    await atPage.getByText(/keputusan tersimpan/i).waitFor();

    await opPage.goto(`${baseUrl()}/persetujuan`);
    await opPage
      .getByText(/anggaran pengembangan/i)
      .first()
      .waitFor();
    const bk = opPage.getByTestId('approval').filter({ hasText: title });
    await bk.getByText(/biaya per peserta: rp 1\.500\.000/i).waitFor();
    await expectAccessible(opPage);
    await screenshot(opPage, 'persetujuan-bkpsdm-1280');
    await bk.getByRole('button', { name: 'Setujui' }).click();
    await opPage.getByText(/keputusan tersimpan/i).waitFor();

    await page.reload();
    await page.getByTestId('enrol-status').filter({ hasText: 'Disetujui' }).waitFor();
    // The organiser sees the participant on the programme's participants page.
    await opPage.goto(`${baseUrl()}/program/${p.id}/peserta`);
    await opPage
      .getByRole('cell', { name: /disetujui/i })
      .first()
      .waitFor();
    await expectAccessible(opPage);
    await screenshot(opPage, 'peserta-1280');
    await Promise.all([op.close(), peg.close(), at.close()]);
  });

  it('QR check-in on a 360 px phone: the organiser shows the code, the participant opens the address', async () => {
    const op = await browser().newContext(DESKTOP);
    const opPage = await op.newPage();
    await signIn(opPage, 'operator.bkpsdm');
    const title = `Bimtek Uji Presensi ${tag()}`;
    const p = await publishedProgramme(op, title, [[-5, 120]]);
    const sessionId = p.sessions[0]!.id;

    // The participant enrolled and was approved beforehand (through the API).
    const approve = async (user: string, id: string) => {
      const c = await browser().newContext();
      await signIn(await c.newPage(), user);
      const r = await c.request.post(`${baseUrl()}/api/enrollments/${id}/decision`, {
        data: { decision: 'approve' },
      });
      expect(r.status()).toBe(200);
      await c.close();
    };
    const phone = await phoneContext(browser());
    const page = await phone.newPage();
    await signIn(page, 'pegawai.dukcapil');
    const req = await phone.request.post(`${baseUrl()}/api/enrollments`, {
      data: { programId: p.id, reason: 'Tugas' },
    });
    expect(req.status()).toBe(200);
    const id = ((await req.json()) as { enrollment: { id: string } }).enrollment.id;
    await approve('atasan.dukcapil', id);
    await approve('operator.bkpsdm', id);

    await opPage.goto(`${baseUrl()}/program/${p.id}/sesi/${sessionId}/qr`);
    const codeBox = opPage.getByTestId('checkin-code');
    await codeBox.waitFor();
    await opPage.getByRole('img', { name: /kode qr/i }).waitFor();
    await expectAccessible(opPage);
    await screenshot(opPage, 'qr-organiser-1280');
    const code = (await codeBox.textContent())!.trim();
    expect(code).toMatch(/^[2-9A-Z]{6}$/);

    // What the phone's camera app opens, on a weak signal: the first request is lost on the way and
    // the page sends it again by itself.
    let tries = 0;
    await page.route('**/api/sessions/*/checkin', (route) =>
      tries++ === 0 ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.goto(`${baseUrl()}/hadir?sesi=${sessionId}&kode=${code}`);
    await page.getByTestId('checkin-ok').waitFor();
    expect(tries).toBe(2);
    await page.getByText(title).waitFor();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'hadir-360');

    // Signed out, the same address asks to sign in first and comes back; a second check-in is fine.
    const fresh = await phoneContext(browser());
    const p2 = await fresh.newPage();
    await p2.goto(`${baseUrl()}/hadir?sesi=${sessionId}&kode=${code}`);
    await p2.waitForURL(/\/masuk/);
    await p2.getByLabel(/nama pengguna/i).fill('pegawai.dukcapil');
    await p2.getByLabel(/kata sandi/i).fill('asah-demo');
    await p2.getByRole('button', { name: /masuk/i }).click();
    await p2.waitForURL(/\/hadir/);
    await p2.getByTestId('checkin-ok').waitFor();

    // The organiser's screen counts the participant as present.
    await opPage.reload();
    await opPage.getByText(/1 dari 1 peserta sudah hadir/).waitFor();
    await Promise.all([op.close(), phone.close(), fresh.close()]);
  });
});
