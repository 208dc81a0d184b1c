import { describe, expect, it } from 'vitest';
import { OptionsError, defaultDataDir, parseStartArgs } from './config';

describe('parseStartArgs', () => {
  it('defaults to the simulated kiosk', () => {
    const parsed = parseStartArgs([], { XDG_DATA_HOME: '/tmp/xdg' });
    expect(parsed).toEqual({
      help: false,
      options: {
        profile: 'kiosk',
        devices: 'simulated',
        port: 8231,
        dataDir: '/tmp/xdg/hall-terminal',
        openBrowser: true,
        kiosk: false,
        cardDisplayMs: 10_000,
        platform: { mode: 'embedded' },
      },
    });
  });

  it('chooses the platform: --platform, HALL_PLATFORM_URL, --no-platform, else embedded', () => {
    const platform = (args: string[], env: NodeJS.ProcessEnv = {}) => {
      const parsed = parseStartArgs(args, env);
      return parsed.help ? null : parsed.options.platform;
    };
    expect(platform(['--platform', 'https://zwfw.example.gov.cn/hall'])).toEqual({ mode: 'remote', url: 'https://zwfw.example.gov.cn/hall' });
    expect(platform([], { HALL_PLATFORM_URL: 'http://10.0.0.5:8280' })).toEqual({ mode: 'remote', url: 'http://10.0.0.5:8280' });
    expect(platform(['--platform', 'http://a.example'], { HALL_PLATFORM_URL: 'http://b.example' })).toEqual({ mode: 'remote', url: 'http://a.example' });
    expect(platform(['--no-platform'], { HALL_PLATFORM_URL: 'http://b.example' })).toEqual({ mode: 'off' });
    expect(platform([], { HALL_PLATFORM_URL: '' })).toEqual({ mode: 'embedded' });
    expect(() => parseStartArgs(['--platform', 'ftp://x.example'], {})).toThrow(OptionsError);
    expect(() => parseStartArgs(['--platform', 'http://x.example', '--no-platform'], {})).toThrow(OptionsError);
  });

  it('reads every option', () => {
    const parsed = parseStartArgs(
      ['--profile', 'window', '--devices', 'configured', '--port', '0', '--data-dir', '/d', '--no-browser', '--kiosk'],
      {},
    );
    expect(parsed.help === false && parsed.options).toMatchObject({
      profile: 'window',
      devices: 'configured',
      port: 0,
      dataDir: '/d',
      openBrowser: false,
      kiosk: true,
    });
  });

  it('reads the citizen idle timings (short ones for tests), and refuses ones under a second', () => {
    const parsed = parseStartArgs(['--idle-seconds', '3', '--idle-warning-seconds', '2'], {});
    expect(parsed.help === false && parsed.options.idle).toEqual({ idleMs: 3_000, warningMs: 2_000 });
    const defaulted = parseStartArgs(['--idle-seconds', '90'], {});
    expect(defaulted.help === false && defaulted.options.idle).toEqual({ idleMs: 90_000, warningMs: 20_000 });
    expect(() => parseStartArgs(['--idle-seconds', '0.5'], {})).toThrow(OptionsError);
  });

  it('answers --help', () => {
    expect(parseStartArgs(['--help'], {})).toEqual({ help: true });
  });

  it.each([[['--profile', 'bank']], [['--port', 'x']], [['--port', '70000']], [['--what']]])(
    'rejects %j with a readable error',
    (args) => {
      expect(() => parseStartArgs(args, {})).toThrow(OptionsError);
    },
  );

  it('uses APPDATA on Windows', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\k\\AppData\\Roaming' }, 'win32')).toContain('hall-terminal');
  });
});
