import { defaultDataDir } from '../paths';
import type { Services } from '../services';

/**
 * Service options that come from the environment, shared by every launcher.
 * DESK_TEST_FAST_KDF=1 lowers scrypt for end-to-end tests only; OWASP parameters stay the default.
 */
export function servicesFromEnv(mode: Services['mode'], env: NodeJS.ProcessEnv = process.env): Partial<Omit<Services, 'store'>> {
  return {
    mode,
    ...(env.DESK_TEST_FAST_KDF === '1' ? { scrypt: { N: 2 ** 14, r: 8, p: 1 } } : {}),
    ...(env.DESK_CHECK_OUTPUTS === '1' ? { checkOutputs: true } : {}),
  };
}

export interface HostArgs {
  dataDir: string;
  port: number | null;
  demo: boolean;
}

export function parseHostArgs(argv: readonly string[]): HostArgs {
  const args: HostArgs = { dataDir: defaultDataDir(), port: null, demo: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--data-dir') args.dataDir = value();
    else if (a === '--port') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error('--port must be 0–65535');
      args.port = n;
    } else if (a === '--demo') args.demo = true;
    else throw new Error(`unknown option ${a}`);
  }
  return args;
}
