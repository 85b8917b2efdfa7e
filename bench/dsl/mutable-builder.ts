/**
 * The floor of any fluent builder: one that changes itself and returns `this`, so its verbs allocate nothing, with
 * the leanest code for the same StepConfig. Not something to ship (a half-built step is not a template), only a
 * reference: what emrkit's immutable builders spend above it is the price of immutability, one object per verb.
 */
import type { StepConfig } from "@emrkit/dsl";

export class MutableSparkStep {
  private deployModeValue: string | undefined;
  private readonly confs: string[] = [];
  private appUri: string | undefined;
  private readonly appArguments: string[] = [];
  private logs: { logUri: string; encryptionKeyArn: string } | undefined;

  constructor(private readonly name: string) {}

  deployMode(mode: string): this {
    this.deployModeValue = mode;
    return this;
  }

  conf(key: string, value: string): this {
    this.confs.push(`${key}=${value}`);
    return this;
  }

  app(uri: string, ...args: string[]): this {
    this.appUri = uri;
    this.appArguments.push(...args);
    return this;
  }

  monitoring(logs: { logUri: string; encryptionKeyArn: string }): this {
    this.logs = logs;
    return this;
  }

  toStepConfig(): StepConfig {
    const args = ["spark-submit"];
    if (this.deployModeValue !== undefined) args.push("--deploy-mode", this.deployModeValue);
    for (const conf of this.confs) args.push("--conf", conf);
    if (this.appUri !== undefined) args.push(this.appUri);
    args.push(...this.appArguments);
    const config: StepConfig = {
      Name: this.name,
      ActionOnFailure: "CONTINUE",
      HadoopJarStep: { Jar: "command-runner.jar", Args: args },
    };
    if (this.logs !== undefined) {
      const { logUri, encryptionKeyArn } = this.logs;
      config.StepMonitoringConfiguration = {
        S3MonitoringConfiguration: { LogUri: logUri, EncryptionKeyArn: encryptionKeyArn },
      };
    }
    return config;
  }
}
