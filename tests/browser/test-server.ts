import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp, type TestAppOptions } from '../helpers/test-app';

export interface RunningServer {
  baseUrl: string;
  port: number;
  /** The app's dependencies, for a spec that checks what reached the database. */
  deps: TestApp['deps'];
  close(): Promise<void>;
}

/** The real app (createTestApp) listening on a free loopback port, for a browser to visit. */
export async function startTestServer(options?: TestAppOptions): Promise<RunningServer> {
  const testApp = await createTestApp(options);
  const server = testApp.app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    deps: testApp.deps,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      await testApp.close();
    },
  };
}
