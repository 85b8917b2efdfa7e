/**
 * Ctrl-C of `emrkit local` while its S3 endpoint is in use: a client in the middle of a PUT (its body half sent, the
 * connection held open) and a kept-alive connection must not keep the process alive. It exits 0 at once, frees both
 * ports, and leaves nothing of its temporary data (the half-sent object included). Through the built CLI.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { connect, createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { builtCli } from "./support/built-cli.js";
import { startCli, waitFor } from "./support/run-cli.js";

beforeAll(() => builtCli(), 60_000);

/** Whether something can listen on the port again (nothing of the stopped process holds it). */
function canListen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once("error", () => done(false));
    server.listen(port, "127.0.0.1", () => server.close(() => done(true)));
  });
}

/** A raw connection that has sent `text`, kept open until the test closes it. */
function sent(port: number, text: string): Promise<Socket> {
  return new Promise((done, fail) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(text, () => done(socket)));
    socket.once("error", fail);
  });
}

describe("emrkit local, Ctrl-C with the S3 endpoint in use", () => {
  it("exits 0 with a PUT half sent and a connection kept alive; both ports free, no data left", async () => {
    const temp = mkdtempSync(join(tmpdir(), "emrkit-cli-s3-sigint-"));
    const sockets: Socket[] = [];
    const local = startCli(["local", "--s3-port", "0"], { TMPDIR: temp });
    try {
      const [, emr, s3] = await waitFor(local.stdout, /^(http:\S+)\n(http:\S+)\n/);
      const [emrPort, s3Port] = [emr!, s3!].map((url) => Number(new URL(url).port)) as [number, number];
      expect((await fetch(`${s3}/upload-bucket`, { method: "PUT" })).status).toBe(200);
      // A PUT of 1 MiB of which 4 KiB arrived: the server is waiting for the rest when Ctrl-C comes.
      const head = `PUT /upload-bucket/half.bin HTTP/1.1\r\nHost: 127.0.0.1:${s3Port}\r\nContent-Length: ${1 << 20}\r\n\r\n`;
      sockets.push(await sent(s3Port, head + "x".repeat(4096)));
      sockets.push(await sent(s3Port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${s3Port}\r\nConnection: keep-alive\r\n\r\n`));
      await new Promise((r) => setTimeout(r, 200));
      local.child.kill("SIGINT");
      expect(await local.exit, local.stderr()).toBe(0);
      expect(await canListen(emrPort)).toBe(true);
      expect(await canListen(s3Port)).toBe(true);
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      for (const socket of sockets) socket.destroy();
      // A process that did not stop (the failure this test is for) is not left behind.
      if (local.child.exitCode === null) local.child.kill("SIGKILL");
      await local.exit;
      rmSync(temp, { recursive: true, force: true });
    }
  }, 30_000);
});
