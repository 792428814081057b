import type { GuideSectionId } from './sections';

/**
 * The guide's words, as data: plain strings only (the page renders them as text, never as HTML).
 * Written for Redline: plain, calm and non-graphic, for any gender in any role ("the receiver",
 * "the partner giving stimulation", "they").
 */

/** A list item: plain words, or words that start with a short lead in bold. */
export type GuideItem = string | Readonly<{ lead: string; text: string }>;

export type GuideBlock =
  /** A paragraph; `lead` starts it in bold. */
  | Readonly<{ kind: 'p'; text: string; lead?: string }>
  | Readonly<{ kind: 'list'; items: readonly GuideItem[] }>
  /** Something that must not be missed, shown as a notice. */
  | Readonly<{ kind: 'note'; text: string; lead?: string }>
  /** Questions to think about on one's own, and why they help. */
  | Readonly<{ kind: 'reflect'; intro: string; questions: readonly string[]; why: string }>
  | Readonly<{
      kind: 'faq';
      items: readonly Readonly<{ question: string; answer: readonly string[] }>[];
    }>
  /** Links to other parts of the guide. */
  | Readonly<{ kind: 'see'; ids: readonly GuideSectionId[] }>;

/** Shown above the table of contents. */
export const GUIDE_INTRO: readonly string[] = [
  'Post-orgasm play is intense, and the people who enjoy it most tend to be the ones who prepare for it carefully. This guide explains what it is and the steps careful players follow: talk first, agree limits, safewords and a signal, start slow, check in, stop on distress, look after each other afterwards and talk it over. Redline is built around the same steps.',
  'This guide is general information, not medical advice. If you have a health condition, talk to a doctor before trying this kind of play.',
];

export const GUIDE_CONTENT: Readonly<Record<GuideSectionId, readonly GuideBlock[]>> = {
  'what-it-is': [
    {
      kind: 'p',
      text: 'Post-orgasm play is consensual BDSM play in which stimulation carries on after the receiver has had an orgasm, for a time and at a strength that both partners agreed beforehand. It is often called "post-orgasm torture", or POT for short. The name sounds harsh, but the play happens inside limits the receiver chose, and it stops whenever they need it to.',
    },
    {
      kind: 'p',
      lead: 'Why people enjoy it.',
      text: "Straight after an orgasm, many people's genitals become very sensitive for a while. Touch that felt good a minute earlier can feel overwhelming, ticklish or simply too much. What draws people to it differs:",
    },
    {
      kind: 'list',
      items: [
        {
          lead: 'Intensity.',
          text: 'Sensations that are strong, unfamiliar and hard to stay still through.',
        },
        {
          lead: 'Surrender and trust.',
          text: 'Letting a partner carry on, knowing they will stop the moment they are asked to.',
        },
        {
          lead: 'The agreed struggle.',
          text: 'Squirming, protesting or laughing as part of a game both partners have agreed to, while the real stop is always one word or one button away.',
        },
        {
          lead: 'Closeness.',
          text: 'For many people the care before and after matters as much as the scene itself.',
        },
      ],
    },
    {
      kind: 'p',
      text: 'Bodies differ. For some people the sensitivity after orgasm lasts a few seconds, for others several minutes. Some find it unpleasant or overwhelming rather than exciting. That is common and completely fine: it says nothing about how adventurous anyone is, or how good a partner. This kind of play is for people who want it, and not wanting it is a complete answer.',
    },
    {
      kind: 'p',
      text: 'Sensitivity also changes from day to day, with tiredness, stress, medication and how recently someone last had an orgasm. What felt manageable last time may not today, which is one more reason to keep early scenes short.',
    },
  ],

  edging: [
    {
      kind: 'p',
      text: 'Edging means bringing someone close to orgasm and then easing off, often several times, to delay the orgasm. Post-orgasm play is about the time after the orgasm: instead of stopping, the stimulation continues.',
    },
    {
      kind: 'list',
      items: [
        {
          lead: 'Edging',
          text: 'happens before orgasm. The stimulation pauses or drops to hold the orgasm off.',
        },
        {
          lead: 'Post-orgasm play',
          text: 'happens after orgasm. The stimulation carries on through the sensitive time that follows.',
        },
      ],
    },
    {
      kind: 'p',
      text: 'The two can be combined: a scene might include a long build-up with edging, then an orgasm, then a short post-orgasm phase. If you combine them, agree on each part separately: how long the build-up may last, who decides when the orgasm comes, and how long the time afterwards may be. A long build-up can leave the body more sensitive afterwards, so keep the post-orgasm time especially short the first time you try both together.',
    },
    {
      kind: 'p',
      text: 'In Redline a scene has a warm-up, a play phase and a post-orgasm phase, each with its own ceiling. The agreement also says how many orgasms the scene allows, and what happens if one comes earlier than planned.',
    },
  ],

  roles: [
    {
      kind: 'p',
      text: "There are two roles in a scene: the receiver, who is stimulated and always holds the stop, and the partner giving stimulation, who runs the scene. Redline's screens also call them the submissive and the dominant, as many people in BDSM do.",
    },
    {
      kind: 'p',
      text: 'Anyone can take either role, whatever their gender and whatever their body. People of every anatomy can become very sensitive after orgasm, and the same care applies to everyone.',
    },
    {
      kind: 'list',
      items: [
        'Some partners always take the same roles; others switch from one scene to the next, or try both to find out what they prefer.',
        'A role in a scene says nothing about who someone is outside it.',
        'The partner giving stimulation is responsible for watching and listening, not only for the toys.',
        'The receiver has the final say during a scene: their stop always wins.',
      ],
    },
    {
      kind: 'p',
      text: 'Someone can also play alone, with Redline following a plan they wrote in advance. The questions at the end of this guide say how that works.',
    },
    { kind: 'see', ids: ['faq'] },
  ],

  'talk-first': [
    {
      kind: 'p',
      text: 'Every scene starts with a conversation, well before anything physical begins. The aim is for each of you to know what the other wants, what they are curious about, and what they never want. This is often called negotiation, but it is less a bargain than a careful, honest conversation.',
    },
    { kind: 'p', lead: 'What to agree on.', text: 'A good agreement covers:' },
    {
      kind: 'list',
      items: [
        'Which kinds of stimulation and which toys are welcome, and which are not.',
        'How strong the stimulation may ever get, and how slowly it may rise.',
        'How long the time after orgasm may last at most, and how many orgasms the scene allows.',
        'Hard limits: anything that is a firm no, whatever anyone says in the moment.',
        'Safewords, a non-verbal signal, and how often to check in.',
        'Whether restraint is part of it, and if so how it will be released.',
        'What aftercare each of you would like.',
      ],
    },
    {
      kind: 'p',
      lead: 'Private answers first.',
      text: "In Redline, each partner first rates a list of activities alone: yes, maybe or no, for each role. Redline then shows only where your answers overlap. It never shows one partner's no, nor a yes the other did not share. That way nobody has to turn something down face to face, and nobody feels pulled towards something because they know the other wants it. You then talk the overlap through together and write the agreement from it.",
    },
    {
      kind: 'p',
      lead: 'Consent can be withdrawn at any time:',
      text: 'before the scene, during it, or halfway through a sentence. Agreeing to something once does not mean agreeing to it again. A signed agreement sets the most that may happen; it is never a promise that anyone has to keep. During a scene either partner can lower a limit; raising one always needs a new agreement signed by both.',
    },
    {
      kind: 'p',
      lead: 'No pressure.',
      text: 'If someone has to be talked into it, it is not a yes. Take your time, sleep on it, or say "not yet". A maybe is a reason to go slowly or to wait, not an obstacle to overcome.',
    },
    {
      kind: 'p',
      lead: 'Sober and rested.',
      text: 'Choose a time when you are both sober, rested and in a good frame of mind. Alcohol and other drugs dull the sense of what hurts and make it harder to speak up or to notice trouble; so does exhaustion. Do not play if either of you is drunk, high, very tired or upset.',
    },
    {
      kind: 'reflect',
      intro: 'Before you talk, each of you might think about two questions on your own:',
      questions: [
        'How do you usually feel right after an orgasm?',
        'Have you ever used a safeword or talked about boundaries?',
      ],
      why: 'They help each of you put your own sensitivity and experience into words, so the conversation starts from what you know about yourselves rather than from guesses.',
    },
  ],

  safewords: [
    {
      kind: 'p',
      text: 'A safeword is a word with one agreed meaning that always works, even in a scene where protesting may be part of the agreed game. Most people use the colours of a traffic light:',
    },
    {
      kind: 'list',
      items: [
        {
          lead: 'Red',
          text: 'means stop everything, now. The scene is over, and aftercare begins.',
        },
        {
          lead: 'Yellow',
          text: 'means slow down. Something is close to too much. In Redline, yellow lowers the intensity and holds it there until the receiver says green.',
        },
        {
          lead: 'Green',
          text: "means all is well; carry on. After a yellow, only the receiver's own green lets the scene continue.",
        },
      ],
    },
    {
      kind: 'p',
      text: 'Choose words that are easy to say and will not come up by accident. Plain words such as "red" and "yellow" work well because they are easy to remember when everything else is hard.',
    },
    {
      kind: 'p',
      lead: 'A signal for when speech is hard.',
      text: "Right after an orgasm, speaking can be difficult: the receiver may be out of breath, laughing or overwhelmed. Agree a signal that needs no words. The receiver's panel in Redline offers several:",
    },
    {
      kind: 'list',
      items: [
        {
          lead: 'The panel button.',
          text: 'A large red button that stops everything the moment it is pressed.',
        },
        {
          lead: 'A tap pattern,',
          text: 'such as three quick taps on the panel, which counts as red or yellow, as you agreed.',
        },
        {
          lead: 'Hold-to-continue.',
          text: 'The receiver keeps a finger on the panel; letting go means stop or slow down. It works even when they can do nothing else.',
        },
        {
          lead: 'A signal without the phone,',
          text: 'such as dropping a held object or squeezing a hand three times, written into the agreement so the partner knows to watch for it.',
        },
      ],
    },
    {
      kind: 'p',
      lead: 'Rehearse before signing.',
      text: 'Try every safeword and signal while nothing is happening: say the words, do the tap pattern, let go of the panel and see what happens. Redline includes a rehearsal before the agreement is signed, and a test stop before each scene. If a signal feels awkward when you are calm, it will be harder in the moment, so change it.',
    },
    {
      kind: 'p',
      text: 'Respond to a safeword or signal every time, straight away, without arguing or asking first. Questions can wait until afterwards. Nobody should ever be teased or made to feel bad for using one.',
    },
    {
      kind: 'note',
      lead: 'Keep a physical way to stop.',
      text: "Redline's stop travels over Wi-Fi and Bluetooth, which can fail. The partner giving stimulation should always be ready to stop by hand, with the toy's own button or by removing the toy.",
    },
  ],

  'start-slow': [
    {
      kind: 'p',
      text: 'The first scenes should be short and gentle. It is much easier to add a little next time than to undo a scene that went too far.',
    },
    {
      kind: 'list',
      items: [
        'Keep the intensity low, well below what the toy can do. A new agreement in Redline starts from low ceilings and a slow rise.',
        'Keep the time after orgasm short the first few times: a minute or less is plenty.',
        'Let the intensity rise gradually, never in a sudden jump.',
        'Check in often.',
        'Aim to finish while it still feels good, rather than carrying on until someone has to stop it.',
      ],
    },
    {
      kind: 'p',
      lead: 'Raise limits only by a new agreement.',
      text: 'If you would like more next time, say so in the debrief, then write and sign a new agreement together. Do not raise a limit during a scene, even if the receiver asks for more in the moment: judgement changes a great deal during intense play. Redline holds to this. During a scene, limits can only go down.',
    },
  ],

  'check-ins': [
    {
      kind: 'p',
      text: 'A check-in is a short question, from the partner running the scene or from Redline, asking how the receiver is doing. The answer is green, yellow or red. Check-ins matter most after orgasm, when sensations change quickly and the receiver may not be able to say that something is wrong without being asked.',
    },
    {
      kind: 'list',
      items: [
        'Agree how often check-ins come. Every thirty seconds or so is a sensible start for the time after orgasm.',
        "Keep them simple: on the receiver's panel, one tap answers.",
        'Watch as well as ask. Breathing, face and movement say a lot.',
        'Decide in advance how long the receiver has to answer.',
      ],
    },
    {
      kind: 'p',
      lead: 'What a missed check-in does.',
      text: 'If the receiver does not answer in time, Redline assumes they may not be able to, and does what you agreed: it either stops the scene, or pauses it, bringing every toy to zero until the receiver answers green. Stopping is the safer choice and is where a new agreement starts. A missed check-in never counts as a yes.',
    },
    {
      kind: 'p',
      text: 'Whenever the toys stop for a missed check-in, the partner should check on the receiver in person straight away.',
    },
  ],

  distress: [
    {
      kind: 'p',
      text: 'Post-orgasm play is meant to be intense, so it helps to know the difference between intense and harmful. Strong sensation, squirming and laughter can all be part of the agreed play. The signs below are not. When you notice any of them, stop.',
    },
    {
      kind: 'list',
      items: [
        'Pain rather than intense sensation, especially sharp or burning pain, or pain that stays when the stimulation pauses.',
        'Panic: fast, shallow breathing, a frightened look, or trying to get away in a way that is no longer play.',
        'Numbness, tingling or coldness, especially in the hands or feet.',
        'Dizziness, feeling faint or sick, or pain in the chest.',
        'Not answering, or answers that do not make sense.',
        'Crying that seems different from release, or going suddenly quiet and still.',
      ],
    },
    {
      kind: 'p',
      lead: 'Stop first, ask after.',
      text: 'If you are unsure, stop. Stopping costs a few moments; carrying on can cause real harm. Once the toys are off, stay with the receiver, ask simple questions, offer water, and let them rest. Stopping because something looked wrong is never a mistake, even if it turns out they were fine.',
    },
    {
      kind: 'p',
      lead: 'Heart rate.',
      text: "Heart rate rises during sexual activity and peaks around orgasm, then usually settles within a minute or two. If it stays high, or the receiver feels their heart racing or beating irregularly, stop. Redline can read a heart-rate strap through the receiver's panel and, if you agreed, slow down or stop when the rate stays above a limit you set. A strap is a helper, not a guarantee: watch the person, not only the number.",
    },
    {
      kind: 'p',
      lead: 'Health comes first.',
      text: 'Intense, prolonged stimulation and the struggle that can come with it put real strain on the body. If either of you has a heart condition, high blood pressure, epilepsy or another serious health condition, is pregnant, or takes medicine that affects the heart or blood pressure, talk to a doctor before trying this kind of play.',
    },
    {
      kind: 'note',
      lead: 'Never combine this with breath play.',
      text: 'Do not combine post-orgasm play with anything that restricts breathing or puts pressure on the neck or chest. Intense stimulation makes it much harder to notice when someone is in trouble, and restricted breathing can cause serious injury or death very quickly.',
    },
  ],

  restraint: [
    {
      kind: 'p',
      text: 'Some people like being held still or restrained during post-orgasm play, because it deepens the feeling of surrender. Restraint belongs in a scene only if both partners agreed to it beforehand, including what kind and where.',
    },
    {
      kind: 'list',
      items: [
        {
          lead: 'Quick release within reach.',
          text: 'Use restraints that can be undone in seconds, and keep safety shears (blunt-tipped scissors made to cut through straps and rope) within reach of the partner giving stimulation. Practise releasing before the scene.',
        },
        {
          lead: 'Check circulation often.',
          text: 'Every few minutes, check that hands and feet are warm, a normal colour, and can move. Ask about numbness, tingling or pins and needles; if there is any, release at once.',
        },
        {
          lead: 'Never leave a restrained person alone,',
          text: 'not even for a moment, and never out of sight.',
        },
        {
          lead: 'Keep the neck free.',
          text: 'Nothing goes around the neck, and avoid positions that make breathing harder.',
        },
        {
          lead: 'Keep the stop within reach.',
          text: 'The receiver should still be able to use their signal while restrained: a hand free to hold or tap the panel, or an object to drop.',
        },
        {
          lead: 'Not alone.',
          text: 'Do not use restraint when playing on your own.',
        },
      ],
    },
    {
      kind: 'p',
      lead: 'How Redline reminds you.',
      text: "When the agreement includes restraint, Redline's setup checklist asks you to confirm that the release or shears are within reach before the scene can start. During the scene it reminds the partner running it to check circulation, warmth and numbness at the interval you agreed, and asks the receiver on the panel whether they can still move their fingers and toes. After any stop, the aftercare screen suggests checking gently where the restraints were.",
    },
  ],

  lubrication: [
    {
      kind: 'p',
      text: 'Skin is more sensitive after orgasm, and friction that felt fine earlier can quickly become irritating or sore. Good lubrication makes the time after orgasm more comfortable and helps prevent soreness later.',
    },
    {
      kind: 'list',
      items: [
        {
          lead: 'Use plenty, and reapply.',
          text: 'Lubricant dries out and wears off during play. Redline can remind the partner running the scene to add more at an interval you choose; a new agreement starts with every ten minutes.',
        },
        {
          lead: 'Stop if it gets sore.',
          text: 'Intense is fine; sore, stinging or red is not. Soreness that lasts more than a day or two, broken skin or bleeding is a reason to see a doctor or a sexual health clinic.',
        },
        {
          lead: 'Keep toys clean.',
          text: 'Wash them before and after use as their maker recommends, and let them dry. Clean a toy before it passes from one person to another, or cover it with a new condom.',
        },
        {
          lead: 'Choose body-safe materials,',
          text: 'such as medical-grade silicone, glass or stainless steel. Avoid porous materials, or ones you know nothing about, which are hard to clean.',
        },
      ],
    },
    { kind: 'p', lead: 'Which lubricant.', text: 'The base of a lubricant matters:' },
    {
      kind: 'list',
      items: [
        {
          lead: 'Water-based',
          text: 'lubricant suits almost every toy and washes off easily. It dries sooner, so it needs reapplying more often.',
        },
        {
          lead: 'Silicone-based',
          text: 'lubricant lasts longer, but it can damage silicone toys and leave their surface sticky or rough. With silicone toys, use water-based lubricant unless the maker says otherwise.',
        },
        {
          lead: 'Oil-based',
          text: 'products can weaken latex condoms and damage some toys.',
        },
        {
          lead: 'Sensitive skin?',
          text: 'Look for lubricants without fragrance, flavour, or warming or cooling ingredients, and try a little on the skin first.',
        },
      ],
    },
  ],

  aftercare: [
    {
      kind: 'p',
      text: 'Aftercare is the time you spend looking after each other once a scene has ended, however it ended. Post-orgasm play can be intense in body and mind, and both partners often need some care afterwards, including the one who ran the scene.',
    },
    {
      kind: 'list',
      items: [
        'Water, and perhaps something to eat.',
        'Warmth: a blanket or clothes. Bodies often feel cold after intense play.',
        'Closeness or quiet, as agreed. Some people want to be held and to talk; others want a few calm minutes to themselves with their partner nearby. Neither is wrong. Agree it beforehand, and ask again in the moment.',
        'A gentle check for soreness, marks or numbness.',
      ],
    },
    {
      kind: 'p',
      text: 'After every stop, Redline keeps the toys locked at zero and shows a calm screen with the aftercare you agreed and a timer.',
    },
    {
      kind: 'p',
      lead: 'Drop.',
      text: 'Hours later, or a day or two afterwards, some people feel low, tearful, anxious, tired or flat. This is often called "sub drop" when it affects the receiver and "top drop" when it affects the partner who ran the scene. It is common, it usually passes within a few days, and it does not mean anything went wrong.',
    },
    {
      kind: 'list',
      items: [
        'Plan for it: keep the next day gentle, eat, and sleep well.',
        'Check in with each other later that day and again a day or two later, in person or by message. Redline reminds you to.',
        'If low feelings last or feel severe, talk to a doctor or a counsellor.',
      ],
    },
    {
      kind: 'p',
      lead: 'Debrief.',
      text: "When you both feel settled, often a day or so later, talk the scene over: what felt good, what you would keep, what you would change, and anything that worried either of you. Be honest and kind. What you learn goes into your next agreement; Redline's debrief asks these same questions.",
    },
  ],

  faq: [
    {
      kind: 'faq',
      items: [
        {
          question: 'Is it safe?',
          answer: [
            'No intense play is completely free of risk, but the risks are much lower when you follow the steps in this guide: talk first, keep early scenes short and gentle, agree safewords and a signal, check in, stop at any sign of distress, use plenty of lubricant, and look after each other afterwards. If you have a health condition, talk to a doctor first.',
          ],
        },
        {
          question: 'Does it hurt?',
          answer: [
            'It should not. It is often intense: many people describe the sensitivity after orgasm as overwhelming, ticklish or simply too much, and that is the feeling this play works with. Pain is different. Sharp, burning or lasting pain means stop.',
          ],
        },
        {
          question: 'What if I laugh or cry?',
          answer: [
            'Both are common reactions to intense sensation and to letting go of tension, and neither is a problem in itself; laughter is often part of the fun. Tears can mean release, or they can mean distress. If the partner giving stimulation is not sure which, they should slow down or stop and ask. If you are the one crying and you want it to end, use your safeword or signal.',
          ],
        },
        {
          question: "What if I want to stop, but I said I'd continue?",
          answer: [
            'Stop always wins. Whatever you agreed beforehand and whatever you said a minute ago, you can stop at any moment, and your partner stops at once. An agreement sets the most that may happen, never the least. You never owe anyone the rest of a scene.',
          ],
        },
        {
          question: 'What if we disagree in the negotiation?',
          answer: [
            "Then the more cautious answer wins. Something is part of a scene only if you both want it; anything either of you declines stays out. Redline shows only where your answers overlap, so neither of you sees the other's no. It is fine if the overlap is small, and fine to decide that this kind of play is not for the two of you.",
          ],
        },
        {
          question: 'Can I do this alone?',
          answer: [
            'Yes. In solo mode, Redline takes the part of the partner giving stimulation by following a plan you write in advance: how strong, for how long, and for how long after orgasm. The same limits apply, the check-ins still come, and the red stop button stays on screen the whole time. Keep solo scenes especially gentle, because nobody else is there to notice if something goes wrong, and do not use restraint on your own.',
          ],
        },
        {
          question: 'What does Redline store, and who sees my answers?',
          answer: [
            "Your private answers are seen by you alone. Your partner sees only the overlap, what you both welcomed, and never your no's or a yes they did not share.",
            'Everything Redline keeps (answers, agreements and records of scenes) stays on the machine you run it on. It makes no requests to third-party services and sends no usage data anywhere. You can export or delete everything, and you can protect what is stored with a passphrase.',
          ],
        },
        {
          question: 'What if the app or the connection fails?',
          answer: [
            "The toys stop. If the receiver's panel goes silent, a toy's connection is lost, or Redline itself stops, the toys are brought to zero; Redline never keeps a toy running when it cannot hear the receiver. Wi-Fi and Bluetooth can still fail in ways no software can see, so always keep a physical way to stop within reach: the toy's own button, or removing the toy.",
          ],
        },
        {
          question: 'Can we change the agreement during a scene?',
          answer: [
            'Only to make it gentler. Either partner can lower a limit at any time. Raising one needs a new agreement, written and signed by both of you before the next scene.',
          ],
        },
      ],
    },
  ],

  'bring-it-up': [
    {
      kind: 'p',
      text: 'Raising a new kind of play with a partner can feel awkward. It tends to go better with a little thought about when and how.',
    },
    {
      kind: 'list',
      items: [
        {
          lead: 'Choose a calm, non-sexual moment,',
          text: 'such as a walk or a quiet evening, rather than in bed or during sex, where a question can feel like pressure.',
        },
        {
          lead: 'Lead with curiosity.',
          text: 'Say what interests you and why, and ask what they think. "I read about something I would like to talk about with you" is a fine start.',
        },
        {
          lead: 'Make it clear there is no pressure,',
          text: 'and that no is a welcome answer.',
        },
        {
          lead: 'Offer this guide',
          text: 'if they would like to read more, in their own time.',
        },
      ],
    },
    {
      kind: 'p',
      lead: "Redline's invitation.",
      text: 'If you prefer, Redline can help you send an invitation. It is written in neutral words and describes what Redline is for without going into detail. Your partner can open it on their own, in private, and accept or decline. Declining needs no reason, and Redline does not ask for one.',
    },
    {
      kind: 'p',
      lead: 'Take no for an answer.',
      text: 'If your partner says no, or not now, thank them for being honest and let it rest. Do not keep bringing it up or ask them to explain. A no to one kind of play is not a no to you.',
    },
    {
      kind: 'p',
      lead: 'It can be revisited later.',
      text: 'Interests change over time. If either of you wants to talk about it again some day, you can, gently, and with the same freedom to say no.',
    },
    { kind: 'see', ids: ['what-it-is', 'talk-first'] },
  ],
};

/** Every word a part of the guide shows, as one string (for tests and counting). */
export function guideSectionText(id: GuideSectionId): string {
  return GUIDE_CONTENT[id].map(blockText).join('\n');
}

function itemText(item: GuideItem): string {
  return typeof item === 'string' ? item : `${item.lead} ${item.text}`;
}

function blockText(block: GuideBlock): string {
  switch (block.kind) {
    case 'p':
    case 'note':
      return block.lead === undefined ? block.text : `${block.lead} ${block.text}`;
    case 'list':
      return block.items.map(itemText).join('\n');
    case 'reflect':
      return [block.intro, ...block.questions, block.why].join('\n');
    case 'faq':
      return block.items.map((i) => [i.question, ...i.answer].join('\n')).join('\n');
    case 'see':
      return '';
  }
}
