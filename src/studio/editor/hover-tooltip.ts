import type { Extension } from '@codemirror/state';
import { hoverTooltip } from '@codemirror/view';
import { hoverHelpAt } from '../completion/hover-help.ts';
import type { TechniqueHelp } from '../completion/scenario-completions.ts';

/** Help on hover: what a field means, where a goto leads, what a technique teaches. Text only (no markup from the file). */
export function scenarioHoverHelp(techniques: () => readonly TechniqueHelp[]): Extension {
  return hoverTooltip((view, pos) => {
    const line = view.state.doc.lineAt(pos);
    const help = hoverHelpAt(view.state.doc, line.number, pos - line.from, techniques());
    if (!help) return null;
    return {
      pos: help.from,
      end: help.to,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'cm-studio-help';
        const title = document.createElement('strong');
        title.textContent = help.title;
        dom.append(title);
        if (help.body) {
          const body = document.createElement('p');
          body.textContent = help.body;
          dom.append(body);
        }
        return { dom };
      },
    };
  });
}
