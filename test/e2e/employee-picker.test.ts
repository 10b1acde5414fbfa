import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, screenshot, signIn } from '../helpers/browser';
import { DESKTOP, expectNoSidewaysScroll, phoneContext, useBrowser } from './support';

const tag = () => Math.random().toString(36).slice(2, 8).toLowerCase();

interface Person {
  nip: string;
  name: string;
  fullName: string;
}

async function getJson<T>(req: APIRequestContext, path: string): Promise<T> {
  const res = await req.get(`${baseUrl()}${path}`);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

/** People the signed-in user may see (the server scopes the list), ordered by NIP. */
async function visible(req: APIRequestContext, page: number, pageSize = 1): Promise<Person[]> {
  return (
    await getJson<{ items: Person[] }>(req, `/api/employees?pageSize=${pageSize}&page=${page}&sort=nip`)
  ).items;
}

/** Part of a person's name, as someone would type it: the first two words, lower case. */
const namePart = (p: Person) => p.name.split(' ').slice(0, 2).join(' ').toLowerCase();

/** Types part of the name into the search box and picks the person with that NIP. */
async function pick(page: Page, box: Locator, p: Person) {
  await box.fill(namePart(p));
  const option = page.getByRole('option').filter({ hasText: p.nip });
  await option.waitFor();
  await option.click();
  await expect.poll(() => box.inputValue()).toBe(`${p.fullName} (${p.nip})`);
}

describe('choosing a person by searching instead of typing a NIP', () => {
  const browser = useBrowser();

  it('an OPD operator picks the supervisor of a new student project by name', async () => {
    const context = await browser().newContext(DESKTOP);
    const page = await context.newPage();
    await signIn(page, 'operator.dukcapil');
    const [first, second] = await visible(page.request, 3, 2);
    await page.goto(`${baseUrl()}/proyek-mahasiswa`);
    await page.getByRole('button', { name: 'Buka proyek baru' }).click();
    const form = page.getByRole('form', { name: 'Buka proyek baru' });
    const title = `Antrean daring ${tag()}`;
    await form.getByLabel('Judul proyek').fill(title);
    await form.getByLabel('Masalah yang ingin diselesaikan').fill('Warga menunggu lama di loket.');
    await form.locator('#project-startsOn').fill('2027-03-01');
    await form.locator('#project-endsOn').fill('2027-06-30');
    const box = form.getByRole('combobox', { name: 'Pembimbing' });

    // Text typed but never picked is refused beside the field and in the summary, whose link
    // leads to the search box.
    await box.fill(namePart(first!));
    await form.getByRole('button', { name: 'Simpan proyek' }).click();
    await form.getByText('Pilih pegawai dari daftar hasil pencarian.').first().waitFor();
    await form.getByRole('link', { name: /Pembimbing: Pilih pegawai/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('project-supervisorNip');

    // A choice can be removed again, then another person chosen.
    await pick(page, box, first!);
    await form.getByRole('button', { name: 'Hapus pilihan Pembimbing' }).click();
    await expect.poll(() => box.inputValue()).toBe('');
    await box.fill(namePart(second!));
    await page.getByRole('option').filter({ hasText: second!.nip }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
    await screenshot(page, 'pembimbing-cari-1280');
    await page.getByRole('option').filter({ hasText: second!.nip }).click();
    await expect.poll(() => box.inputValue()).toBe(`${second!.fullName} (${second!.nip})`);

    await form.getByRole('button', { name: 'Simpan proyek' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText(`Pembimbing: ${second!.fullName}`).waitFor();
    const id = page.url().split('/').pop()!;
    const saved = await getJson<{ supervisor: { nip: string } | null }>(
      page.request,
      `/api/student-projects/${id}`,
    );
    expect(saved.supervisor?.nip).toBe(second!.nip);
    await context.close();
  });

  it('an administrator links an account to an employee by name on a 360 px phone, and unlinks it', async () => {
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, 'admin');
    const [person] = await visible(page.request, 211);
    const username = `tautan.${tag()}`;
    const displayName = `Akun Tautan ${username.slice(-6)}`;
    const created = await page.request.post(`${baseUrl()}/api/users`, {
      data: {
        username,
        displayName,
        password: 'rahasia-panjang-1',
        roles: [{ role: 'pimpinan', unitId: null }],
      },
    });
    expect(created.status()).toBe(200);
    const linkOf = async () =>
      (
        await getJson<{ items: { username: string; employeeNip: string | null }[] }>(
          page.request,
          `/api/users?q=${username}`,
        )
      ).items.find((u) => u.username === username)?.employeeNip;

    const openEdit = async () => {
      await page.goto(`${baseUrl()}/pengguna?q=${username}`);
      await page.getByRole('button', { name: `Ubah ${displayName}`, exact: true }).click();
      return page
        .getByRole('region', { name: `Ubah pengguna ${displayName}` })
        .getByRole('combobox', { name: /pegawai yang ditautkan/i });
    };
    let box = await openEdit();
    await box.fill(namePart(person!));
    await page.getByRole('option').filter({ hasText: person!.nip }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'tautkan-pegawai-cari-360');
    await page.getByRole('option').filter({ hasText: person!.nip }).click();
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await expect.poll(linkOf).toBe(person!.nip);

    // Editing again shows who is linked (name and NIP); the link can be removed.
    box = await openEdit();
    await expect.poll(() => box.inputValue()).toBe(`${person!.fullName} (${person!.nip})`);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'tautkan-pegawai-tersimpan-360');
    await page.getByRole('button', { name: /hapus pilihan pegawai yang ditautkan/i }).click();
    await expect.poll(() => box.inputValue()).toBe('');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await expect.poll(linkOf).toBe(null);
    await context.close();
  });

  it("an OPD operator changes an employee's supervisor by name; the current one is shown first", async () => {
    const context = await phoneContext(browser());
    const page = await context.newPage();
    await signIn(page, 'operator.dukcapil');
    const [employee, boss, other] = await visible(page.request, 2, 3);
    const patch = await page.request.patch(`${baseUrl()}/api/employees/${employee!.nip}`, {
      data: { supervisorNip: boss!.nip },
    });
    expect(patch.status()).toBe(200);

    await page.goto(`${baseUrl()}/pegawai/${employee!.nip}`);
    await page.getByRole('button', { name: 'Ubah data', exact: true }).click();
    const box = page.getByRole('combobox', { name: 'Atasan langsung' });
    await expect.poll(() => box.inputValue()).toBe(`${boss!.fullName} (${boss!.nip})`);

    // The server's refusal (nobody supervises themselves) is shown beside the field and in the
    // summary, whose link leads to the search box.
    await pick(page, box, employee!);
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: /perlu diperbaiki/i });
    await summary.getByRole('link', { name: /^Atasan langsung: / }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('edit-supervisorNip');
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'atasan-ditolak-360');
    await box.fill(namePart(other!));
    await page.getByRole('option').filter({ hasText: other!.nip }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'atasan-cari-360');
    await page.getByRole('option').filter({ hasText: other!.nip }).click();
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByRole('link', { name: other!.fullName }).first().waitFor();
    const saved = await getJson<{ supervisor: { nip: string } | null }>(
      page.request,
      `/api/employees/${employee!.nip}`,
    );
    expect(saved.supervisor?.nip).toBe(other!.nip);
    await context.close();
  });
});
