/** What to set, said where the SDK would only say "Region is missing" or "Could not load credentials". */
export function missingRegion(profile: string | undefined): string {
  const forProfile = profile === undefined ? "" : ` (profile ${profile} names none)`;
  const configure = `aws configure set region <region>${profile === undefined ? "" : ` --profile ${profile}`}`;
  return `no AWS region${forProfile}: pass --region, set AWS_REGION or AWS_DEFAULT_REGION, or set region in ~/.aws/config (${configure})`;
}

export function missingCredentials(profile: string | undefined, reason: string): string {
  const forProfile = profile === undefined ? "" : ` for profile ${profile}`;
  return `no AWS credentials${forProfile} (${reason}): set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, pass --profile or set AWS_PROFILE to a profile in ~/.aws/credentials or ~/.aws/config, or run aws configure (aws sso login for an SSO profile)`;
}

export function unknownProfile(profile: string, files: readonly string[]): string {
  return `no profile ${profile} in ${files.join(" or ")}: check --profile or AWS_PROFILE (aws configure list-profiles lists them)`;
}
