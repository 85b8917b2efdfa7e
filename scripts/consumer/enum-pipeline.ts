// TypeScript that type stripping cannot run (an enum): Node alone refuses it, with a word on tsx; tsx runs it.
import { command } from "@emrkit/dsl";

enum Greeting {
  Hello = "hello",
}
export default [command(Greeting.Hello, ["echo", Greeting.Hello])];
