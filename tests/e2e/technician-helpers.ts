import type { Page } from 'playwright-core';

/** The simulated profile's documented development PIN (README, main/technician/auth.ts). */
export const DEV_PIN = '246810';

/** Types a PIN on an on-screen pad and presses OK. */
export async function enterPin(page: Page, pin: string, pad = 'pin-pad'): Promise<void> {
  for (const digit of pin) await page.getByTestId(`${pad}-${digit}`).click();
  await page.getByTestId(`${pad}-ok`).click();
}

/** Five quick taps in the kiosk's hidden top-left corner. */
export async function tapCorner(page: Page, times = 5): Promise<void> {
  for (let i = 0; i < times; i += 1) await page.mouse.click(30, 30);
}

/** Opens /technician and unlocks it with the PIN. */
export async function openConsole(page: Page, baseUrl: string, pin = DEV_PIN): Promise<void> {
  await page.goto(new URL('/technician', baseUrl).toString());
  await page.getByTestId('pin-pad').waitFor();
  await enterPin(page, pin);
  await page.getByTestId('technician-console').waitFor();
}
