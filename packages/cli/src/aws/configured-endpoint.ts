import { booleanSelector, loadConfig, SelectorType } from "@smithy/core/config";

/** The key of EMR's entries in a `services` section, and its suffix in AWS_ENDPOINT_URL_<SERVICE> (its service id). */
const SERVICE_KEY = "emr";

/**
 * The endpoint a profile of the shared config file gives EMR: `emr = endpoint_url = …` in the `[services NAME]`
 * section the profile names, else the profile's own `endpoint_url`, unless endpoints from the configuration are
 * ignored (AWS SDKs and Tools Reference Guide, "Service-specific endpoints"). The SDK reads these for AWS_PROFILE's
 * profile only, not for the client's `profile` option: with @aws-sdk/client-emr 3.1089, `--profile local` whose
 * profile points at a local endpoint sent to elasticmapreduce.<region>.amazonaws.com instead. AWS_ENDPOINT_URL_EMR and
 * AWS_ENDPOINT_URL win over the files, and the SDK already reads those: undefined then.
 */
export async function configuredEndpoint(
  profile: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  if (env.AWS_ENDPOINT_URL_EMR || env.AWS_ENDPOINT_URL) return undefined;
  const ignore = await loadConfig(
    {
      environmentVariableSelector: (vars) =>
        booleanSelector(vars, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", SelectorType.ENV),
      configFileSelector: (section) => booleanSelector(section, "ignore_configured_endpoint_urls", SelectorType.CONFIG),
      default: false,
    },
    { profile },
  )();
  if (ignore) return undefined;
  // Thrown inside a selector, it would be taken for "not set" by the provider chain, as the SDK takes it.
  let missingSection: string | undefined;
  const url = await loadConfig<string | undefined>(
    {
      environmentVariableSelector: () => undefined,
      configFileSelector: (section, files) => {
        const services = section.services;
        if (services !== undefined) {
          const entries = files?.[`services.${services}`];
          if (entries === undefined) {
            missingSection = services;
            return undefined;
          }
          const url = entries[`${SERVICE_KEY}.endpoint_url`];
          if (url) return url;
        }
        return section.endpoint_url || undefined;
      },
      default: undefined,
    },
    { profile },
  )();
  if (missingSection !== undefined) {
    throw new Error(`profile ${profile} names services ${missingSection}, which the shared config file does not have`);
  }
  return url;
}
