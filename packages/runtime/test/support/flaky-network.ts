import { Agent } from "node:http";
import { EMRClient } from "@aws-sdk/client-emr";

/**
 * An EMR client for the emulator whose next connections fail as a network does before anything is sent: the host name
 * does not resolve (ENOTFOUND from the lookup), or the host cannot be reached while connecting (EHOSTUNREACH,
 * syscall "connect"). Node raises the lookup's error as the connection's, so the SDK sees what it would see from a
 * real DNS or route failure. Every call makes a new connection (no keep-alive), so `failNext` hits the next calls.
 */
export function flakyNetworkClient(endpoint: string) {
  const failures: string[] = [];
  const agent = new Agent({
    keepAlive: false,
    lookup: (hostname, options, callback) => {
      const code = failures.shift();
      // Node asks for every address when it races address families (`all`), else for one.
      const done = callback as (error: NodeJS.ErrnoException | null, address: unknown, family?: number) => void;
      if (code === undefined)
        return options.all ? done(null, [{ address: "127.0.0.1", family: 4 }]) : done(null, "127.0.0.1", 4);
      const syscall = code === "ENOTFOUND" ? "getaddrinfo" : "connect";
      done(Object.assign(new Error(`${syscall} ${code} ${hostname}`), { code, syscall, hostname }), undefined);
    },
  });
  const port = new URL(endpoint).port;
  const client = new EMRClient({
    region: "us-east-1",
    endpoint: `http://emulator.invalid:${port}`,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    requestHandler: { httpAgent: agent },
  });
  return {
    client,
    /** The next calls fail with these codes, one each, in order. */
    failNext: (...codes: string[]) => failures.push(...codes),
  };
}
