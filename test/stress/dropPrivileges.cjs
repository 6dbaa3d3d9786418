// Preloaded (node --require) into the language server by the workspace stress test when the tests run as
// root: root reads chmod 000 files, so the server drops to nobody to meet real unreadable files.
// vscode-languageserver checks every 3 s that the client process is alive with process.kill(pid, 0); across
// users that throws EPERM, which it takes for a dead client, and the server exits. EPERM means the process
// exists, so signal 0 answers "alive" for it here.
if (process.getuid && process.getuid() === 0) {
  process.setgid(65534);
  process.setuid(65534);
  const kill = process.kill.bind(process);
  process.kill = (pid, signal) => {
    try {
      return kill(pid, signal);
    } catch (error) {
      if (signal === 0 && error && error.code === 'EPERM') return true;
      throw error;
    }
  };
}
