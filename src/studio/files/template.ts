/**
 * The scenario a new file starts from: short, lint-clean (no errors, no
 * warnings) and audit-clean (no rule of thumb passes it: the best reply is
 * neither first, last, longest nor the one that pleases most), showing each
 * part a trainer fills in: the customer, a variable, replies with tact, mood
 * and techniques, a branch on mood, and two endings.
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
      - say: Have you asked your neighbours yet?
        tact: -1
        mood: -10
        techniques: [stall]
        goto: address
        feedback: Sending Sam off to search before you have looked at anything feels like a brush-off.
      - say: I'm sorry it hasn't reached you. Can we check the address together?
        tact: 2
        mood: +10
        techniques: [acknowledge, ask-for-facts]
        set: { checkedAddress: true }
        goto: address
        feedback: You owned the problem and asked for the facts first.
      - say: Our system shows it was delivered at two o'clock and the driver scanned it at your door, so it was delivered.
        tact: -2
        mood: -15
        techniques: [dismiss]
        goto: address
        feedback: Quoting the system back at Sam tells them you don't believe them.
      - say: Oh no! I'll send you a new one today.
        tact: -1
        mood: +15
        techniques: [give-in]
        goto: address
        feedback: Sam is pleased for now, but you promised a new parcel before checking where the first one went.
  address:
    customer: It's 14 Rose Lane. Same as always.
    replies:
      - say: Thanks. I'll open a trace with the courier and call you tomorrow by noon.
        tact: 2
        mood: +15
        techniques: [own-the-next-step]
        goto: outcome
        feedback: A clear next step, with a time Sam can hold you to.
      - say: You'll have to contact the courier yourself.
        tact: -1
        mood: -10
        techniques: [dismiss]
        goto: outcome
        feedback: The courier works for the shop, not for Sam; chasing it is your job.
      - say: I'm so sorry. Is there anything else I can help with today?
        tact: -1
        mood: -5
        techniques: [over-apologize]
        goto: outcome
        feedback: An apology with no plan, then a question that closes the call, leaves Sam where they started.
      - say: I understand how frustrating this must be, but once a parcel is marked as delivered there is honestly nothing anyone here can do.
        tact: -2
        mood: -15
        techniques: [dismiss]
        goto: outcome
        feedback: Kind words, then a closed door. Sam hears that nobody will help.
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
