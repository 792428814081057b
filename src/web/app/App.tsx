import { useEffect } from 'react';
import { AgreementPage } from '../agreement/AgreementPage';
import { SealedPage } from '../agreement/SealedPage';
import { ConsolePage } from '../console/ConsolePage';
import { DebriefPage } from '../debrief/DebriefPage';
import { GuidePage } from '../guide/GuidePage';
import { HistoryPage } from '../history/HistoryPage';
import { SceneHistoryPage } from '../history/SceneHistoryPage';
import { HomePage } from '../home/HomePage';
import { NewScenePage } from '../new-scene/NewScenePage';
import { PairPage } from '../pair/PairPage';
import { PanelPage } from '../panel/PanelPage';
import { SoloPage } from '../solo/SoloPage';
import { InvitePage } from '../talk/InvitePage';
import { TalkNewPage } from '../talk/TalkNewPage';
import { TalkPage } from '../talk/TalkPage';
import type { Route } from './route';
import { useRoute } from './use-route';

const TITLES: Record<Route['name'], string> = {
  home: 'Redline',
  new: 'Start a scene · Redline',
  pair: 'Join as the panel · Redline',
  console: 'Console · Redline',
  panel: 'Panel · Redline',
  solo: 'Solo · Redline',
  'talk-new': 'Talk first · Redline',
  invite: 'An invitation · Redline',
  talk: 'Talk first · Redline',
  agreement: 'Your agreement · Redline',
  sealed: 'Signed agreement · Redline',
  guide: 'Guide · Redline',
  history: 'Past scenes · Redline',
  'scene-history': 'A past scene · Redline',
  debrief: 'Debrief · Redline',
};

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'new':
      return <NewScenePage />;
    case 'pair':
      return <PairPage code={route.code} />;
    case 'console':
      return <ConsolePage sceneId={route.sceneId} />;
    case 'panel':
      return <PanelPage sceneId={route.sceneId} />;
    case 'solo':
      return <SoloPage sceneId={route.sceneId} />;
    case 'talk-new':
      return <TalkNewPage />;
    case 'invite':
      return <InvitePage code={route.code} />;
    case 'talk':
      return <TalkPage negotiationId={route.negotiationId} />;
    case 'agreement':
      return <AgreementPage negotiationId={route.negotiationId} />;
    case 'sealed':
      return <SealedPage negotiationId={route.negotiationId} agreementHash={route.agreementHash} />;
    case 'guide':
      return <GuidePage section={route.section} />;
    case 'history':
      return <HistoryPage />;
    case 'scene-history':
      return <SceneHistoryPage sceneId={route.sceneId} />;
    case 'debrief':
      return <DebriefPage sceneId={route.sceneId} />;
  }
}

export function App() {
  const route = useRoute();
  useEffect(() => {
    document.title = TITLES[route.name];
  }, [route.name]);
  // Keyed by the whole route so each scene gets a fresh screen (and a fresh connection).
  const key = JSON.stringify(route);
  return <Screen key={key} route={route} />;
}
