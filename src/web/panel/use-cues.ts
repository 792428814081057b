import { useEffect, useRef, useState } from 'react';
import type { Connection } from '../net/connection';
import { browserStore, readItem, writeItem } from '../net/storage';
import { createCuePlayer, type CuePlayer } from './cue-player';
import { cuesFor, type Cue } from './cues';

const SPEECH_KEY = 'redline.panel.speech';

const loadSpeech = () => readItem(browserStore('local'), SPEECH_KEY) === 'on';

/**
 * Turns the server's prompts into vibration, a tone and (when chosen) speech. Returns the latest
 * cue to show, the speech toggle, and `unlock` for the first touch (browsers need one for sound).
 */
export function useCues(connection: Connection) {
  const player = useRef<CuePlayer | null>(null);
  const [speech, setSpeechState] = useState(loadSpeech);
  const speechRef = useRef(speech);
  const [latest, setLatest] = useState<Cue | null>(null);

  useEffect(() => {
    const p = createCuePlayer();
    player.current = p;
    const off = connection.onEffects((effects, view) => {
      const cues = cuesFor(effects, view);
      for (const cue of cues) p.play(cue, speechRef.current);
      const last = cues.at(-1);
      if (last !== undefined) setLatest(last);
    });
    return () => {
      off();
      p.close();
      player.current = null;
    };
  }, [connection]);

  const setSpeech = (on: boolean) => {
    speechRef.current = on;
    setSpeechState(on);
    writeItem(browserStore('local'), SPEECH_KEY, on ? 'on' : 'off');
  };

  const speechAvailable = typeof window !== 'undefined' && 'speechSynthesis' in window;
  return {
    latest,
    speech,
    speechAvailable,
    setSpeech,
    unlock: () => player.current?.unlock(),
  };
}
