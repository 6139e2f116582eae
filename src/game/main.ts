import './ui/styles.css';
import { config as zodConfig } from 'zod/mini';
import { gameResults } from './app.ts';
import { sounds } from './audio.ts';
import { loadedStage, loadStage } from './conversation-stage.ts';
import { currentRoute, replaceRoute, startNavigation, type Route } from './navigation.ts';
import { offerUpdates } from './offline.ts';
import { BriefingScreen } from './screens/briefing-screen.ts';
import { DebriefScreen } from './screens/debrief-screen.ts';
import { MenuScreen } from './screens/menu-screen.ts';
import { followSessionStanding } from './session/session-status.ts';
import { sessionAllows, sessionLaunch, sessionTimers } from './session/session-launch.ts';
import { lockTimers, settings } from './settings.ts';
import { drawBackdrop } from './stage/backdrop.ts';
import { openOrShowError } from './ui/error-screen.ts';
import { offerLearnerNameQuestion } from './ui/learner-name.ts';
import { showOutboxStatus } from './ui/outbox-status.ts';
import { h } from './ui/dom.ts';
import { mountScreen } from './ui/screen.ts';

/**
 * Tactful's entry point. Every screen is DOM over an SVG shop backdrop; the
 * menu, briefing and debrief need nothing else, so they appear as soon as
 * this small bundle runs. Only the conversation draws on a canvas (the
 * customer's face, the mood meter), with Phaser, which is its own chunk:
 * fetched at idle and started while the player reads the briefing.
 */
// Zod probes for eval (new Function) on first use; the game's Content-Security-Policy forbids it, so say no up front.
zodConfig({ jitless: true });
document.documentElement.classList.toggle('reduced-motion', settings().reducedMotion);

const menu = new MenuScreen();
const briefing = new BriefingScreen();
const debrief = new DebriefScreen();
let conversations = 0;

// A live session (opened from its join page): the trainer's timer setting, and a line when they pause or end it.
const session = sessionLaunch();
const sessionTimer = sessionTimers();
if (sessionTimer) lockTimers(sessionTimer);

/** Shows a route: leaves whatever was on screen, then builds the new screen. */
function render(requested: Route): void {
  let route = requested;
  if ('id' in route && !sessionAllows(route.id)) {
    // A link to a scenario the session does not include: its menu instead.
    route = { screen: 'menu' };
    replaceRoute(route);
  }
  menu.hide();
  briefing.hide();
  debrief.hide();
  const conversation = ++conversations;
  if (route.screen !== 'conversation') {
    loadedStage()?.stopConversation();
    sounds().ambient(false);
  }
  // The full shop behind a conversation; a quieter one behind text-heavy screens.
  drawBackdrop(route.screen !== 'conversation');
  switch (route.screen) {
    case 'menu':
      menu.show();
      break;
    case 'briefing':
      briefing.show(route.id);
      break;
    case 'debrief':
      if (route.play) debrief.show(route.id, route.play);
      else briefing.show(route.id);
      break;
    case 'conversation': {
      const screen = { key: 'Conversation', active: () => conversation === conversations, retry: () => render(route) } as const;
      if (!loadedStage()) mountScreen('loading', [h('main', { class: 'loading', id: 'main' }, h('p', { role: 'status' }, 'Opening the conversation…'))], null);
      openOrShowError(screen, async () => {
        const stage = await loadStage();
        if (screen.active()) stage.startConversation(route.id);
      });
      break;
    }
    case 'results': {
      // Its own chunk (with the CSV writer), fetched when the trainee asks for it. "Menu" names what failed: loading the saved results.
      const screen = { key: 'Menu', active: () => conversation === conversations, retry: () => render(route) } as const;
      openOrShowError(screen, async () => (await import('./screens/results-screen.ts')).showResults(screen));
      break;
    }
  }
}

// npm start: a scenario file saved (from the studio or an editor) reloads the game with it (the event is vite.config.ts's).
import.meta.hot?.on('tactful:scenarios-changed', () => location.reload());

window.addEventListener('resize', () => drawBackdrop(currentRoute().screen !== 'conversation'));
startNavigation(render);
if (session) followSessionStanding(session);
offerUpdates();
// Results sent to an LRS or a cmi5 LMS: the trainee's name when needed, and a line saying what is still to send.
offerLearnerNameQuestion();
showOutboxStatus();
// Where results go (an LMS session, a web package's LRS config file) is set up once the first screen has painted, never before it.
requestAnimationFrame(() => setTimeout(() => void gameResults().catch(() => undefined), 0));
