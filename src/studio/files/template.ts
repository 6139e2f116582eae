/**
 * The scenario a new file starts from: short, lint-clean (no errors, no
 * warnings), and showing each part a trainer fills in: the customer, a
 * variable, replies with tact, mood and techniques, a branch on mood, and
 * two endings.
 *
 * @example newScenarioText('late-parcel') // starts with "id: late-parcel"
 */
export function newScenarioText(id: string): string {
  return `# yaml-language-server: $schema=../schema/scenario.schema.json
id: ${id}
title: A parcel that never came
summary: A customer's parcel shows as delivered, but it never arrived.
difficulty: 2
customer:
  name: Sam
  mood: 35
variables:
  checkedAddress: false
start: opening
nodes:
  opening:
    customer: The tracking says delivered. It wasn't. Where is my parcel?
    replies:
      - say: I'm sorry it hasn't reached you. Can we check the address together?
        tact: 2
        mood: +10
        techniques: [acknowledge, ask-for-facts]
        set: { checkedAddress: true }
        goto: address
        feedback: You owned the problem and asked for the facts first.
      - say: It says delivered, so it was delivered.
        tact: -2
        mood: -15
        techniques: [dismiss]
        goto: address
        feedback: Quoting the system back at Sam tells them you don't believe them.
  address:
    customer: It's 14 Rose Lane. Same as always.
    replies:
      - say: Thanks. I'll open a trace with the courier and call you tomorrow by noon.
        tact: 2
        mood: +15
        techniques: [own-the-next-step]
        goto: outcome
      - say: You'll have to contact the courier yourself.
        tact: -1
        mood: -10
        goto: outcome
  outcome:
    branch:
      - if: mood >= 50
        goto: reassured
      - goto: unhappy
endings:
  reassured:
    customer: Okay. Tomorrow by noon, then. Thanks.
    outcome: satisfied
    feedback: Sam leaves knowing who does what next.
  unhappy:
    customer: I'll take my business elsewhere.
    outcome: dissatisfied
    feedback: Sam heard reasons, not a plan.
`;
}
