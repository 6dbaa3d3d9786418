// Minimal types for picomatch 4 (the package ships none). Only what the CLI uses.
declare module 'picomatch' {
  interface PicomatchOptions {
    dot?: boolean;
    basename?: boolean;
    nocase?: boolean;
  }
  interface ScanResult {
    base: string;
    glob: string;
    isGlob: boolean;
  }
  type Matcher = (test: string) => boolean;
  interface Picomatch {
    (glob: string | readonly string[], options?: PicomatchOptions): Matcher;
    scan(input: string): ScanResult;
  }
  const picomatch: Picomatch;
  export = picomatch;
}
