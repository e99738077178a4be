<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
  <context>
    <name>AlignScript</name>
    <message numerus="yes">
      <source>Script aligned: %n cue(s)</source>
      <translation>
        <numerusform>Script aligned: %n cue</numerusform>
        <numerusform>Script aligned: %n cues</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>AutoSaver</name>
    <message numerus="yes">
      <source>and %n more file(s) in the same folder</source>
      <translation>
        <numerusform>and %n more file in the same folder</numerusform>
        <numerusform>and %n more files in the same folder</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{name}: %n cue(s), saved {when}</source>
      <translation>
        <numerusform>{name}: %n cue, saved {when}</numerusform>
        <numerusform>{name}: %n cues, saved {when}</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Batch</name>
    <message numerus="yes">
      <source>, %n failed</source>
      <translation>
        <numerusform>, %n failed</numerusform>
        <numerusform>, %n failed</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Batch finished: %n file(s) done</source>
      <translation>
        <numerusform>Batch finished: %n file done</numerusform>
        <numerusform>Batch finished: %n files done</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>BatchDock</name>
    <message numerus="yes">
      <source>%n file(s) added to the batch queue</source>
      <translation>
        <numerusform>%n file added to the batch queue</numerusform>
        <numerusform>%n files added to the batch queue</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>BurnDialog</name>
    <message numerus="yes">
      <source>The open document (%n cue(s))</source>
      <translation>
        <numerusform>The open document (%n cue)</numerusform>
        <numerusform>The open document (%n cues)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Wrote {path}: subtitles drawn on %n frame(s)</source>
      <translation>
        <numerusform>Wrote {path}: subtitles drawn on %n frame</numerusform>
        <numerusform>Wrote {path}: subtitles drawn on %n frames</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ChecksPanel</name>
    <message numerus="yes">
      <source>%n problem(s)</source>
      <translation>
        <numerusform>%n problem</numerusform>
        <numerusform>%n problems</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Checks (%n)</source>
      <translation>
        <numerusform>Checks (%n)</numerusform>
        <numerusform>Checks (%n)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ConvertChineseDialog</name>
    <message numerus="yes">
      <source>All cues (%n)</source>
      <translation>
        <numerusform>All cues (%n)</numerusform>
        <numerusform>All cues (%n)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Converted %n cue(s) ({config})</source>
      <translation>
        <numerusform>Converted %n cue ({config})</numerusform>
        <numerusform>Converted %n cues ({config})</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Selected cues (%n)</source>
      <translation>
        <numerusform>Selected cues (%n)</numerusform>
        <numerusform>Selected cues (%n)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CueLanguage</name>
    <message numerus="yes">
      <source>Language of %n selected cue(s):</source>
      <translation>
        <numerusform>Language of %n selected cue:</numerusform>
        <numerusform>Language of %n selected cues:</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>FileController</name>
    <message numerus="yes">
      <source>%n cue(s) read from {name} ({how})</source>
      <translation>
        <numerusform>%n cue read from {name} ({how})</numerusform>
        <numerusform>%n cues read from {name} ({how})</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>; %n part(s) skipped</source>
      <translation>
        <numerusform>; %n part skipped</numerusform>
        <numerusform>; %n parts skipped</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Opened {name} in place of the previous media; the %n cue(s) you had [is|are] kept</source>
      <translation>
        <numerusform>Opened {name} in place of the previous media; the %n cue you had is kept</numerusform>
        <numerusform>Opened {name} in place of the previous media; the %n cues you had are kept</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Opened {name}; the %n cue(s) you had [is|are] kept (File ▸ Import Subtitles replaces [it|them])</source>
      <translation>
        <numerusform>Opened {name}; the %n cue you had is kept (File ▸ Import Subtitles replaces it)</numerusform>
        <numerusform>Opened {name}; the %n cues you had are kept (File ▸ Import Subtitles replaces them)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Replace the %n cue(s) you have with the cues of {name}? (Undo brings them back.)</source>
      <translation>
        <numerusform>Replace the %n cue you have with the cues of {name}? (Undo brings them back.)</numerusform>
        <numerusform>Replace the %n cues you have with the cues of {name}? (Undo brings them back.)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{warning} (and %n more)</source>
      <translation>
        <numerusform>{warning} (and %n more)</numerusform>
        <numerusform>{warning} (and %n more)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>FindReplaceDialog</name>
    <message numerus="yes">
      <source>Replaced in %n cue(s)</source>
      <translation>
        <numerusform>Replaced in %n cue</numerusform>
        <numerusform>Replaced in %n cues</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>FixReview</name>
    <message numerus="yes">
      <source>%n cue(s) fixed</source>
      <translation>
        <numerusform>%n cue fixed</numerusform>
        <numerusform>%n cues fixed</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>FixReviewDialog</name>
    <message numerus="yes">
      <source>%n cue(s) would change (profile: {profile}).</source>
      <translation>
        <numerusform>%n cue would change (profile: {profile}).</numerusform>
        <numerusform>%n cues would change (profile: {profile}).</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Message</name>
    <message numerus="yes">
      <source>%n cue(s) left in place by more than {seconds} s</source>
      <translation>
        <numerusform>%n cue left in place by more than {seconds} s</numerusform>
        <numerusform>%n cues left in place by more than {seconds} s</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n cue(s) moved by more than {seconds} s</source>
      <translation>
        <numerusform>%n cue moved by more than {seconds} s</numerusform>
        <numerusform>%n cues moved by more than {seconds} s</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n cue(s) put back in time order</source>
      <translation>
        <numerusform>%n cue put back in time order</numerusform>
        <numerusform>%n cues put back in time order</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n to review (kept their old times)</source>
      <translation>
        <numerusform>%n to review (kept their old times)</numerusform>
        <numerusform>%n to review (kept their old times)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Recognised %n cue(s)</source>
      <translation>
        <numerusform>Recognised %n cue</numerusform>
        <numerusform>Recognised %n cues</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Recognised %n cue(s) ({language})</source>
      <translation>
        <numerusform>Recognised %n cue ({language})</numerusform>
        <numerusform>Recognised %n cues ({language})</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Translating into {language}: {done} of %n cue(s)</source>
      <translation>
        <numerusform>Translating into {language}: {done} of %n cue</numerusform>
        <numerusform>Translating into {language}: {done} of %n cues</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>WebVTT cue settings of %n cue(s)</source>
      <translation>
        <numerusform>WebVTT cue settings of %n cue</numerusform>
        <numerusform>WebVTT cue settings of %n cues</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>ends %n frame(s) from a shot change</source>
      <translation>
        <numerusform>ends %n frame from a shot change</numerusform>
        <numerusform>ends %n frames from a shot change</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>italics and other markup in %n cue(s)</source>
      <translation>
        <numerusform>italics and other markup in %n cue</numerusform>
        <numerusform>italics and other markup in %n cues</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>karaoke timing in %n cue(s)</source>
      <translation>
        <numerusform>karaoke timing in %n cue</numerusform>
        <numerusform>karaoke timing in %n cues</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>override tags (\pos, colours, fades...) in %n cue(s)</source>
      <translation>
        <numerusform>override tags (\pos, colours, fades...) in %n cue</numerusform>
        <numerusform>override tags (\pos, colours, fades...) in %n cues</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>positions of %n cue(s)</source>
      <translation>
        <numerusform>positions of %n cue</numerusform>
        <numerusform>positions of %n cues</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>speakers of %n cue(s)</source>
      <translation>
        <numerusform>speakers of %n cue</numerusform>
        <numerusform>speakers of %n cues</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>starts %n frame(s) from a shot change</source>
      <translation>
        <numerusform>starts %n frame from a shot change</numerusform>
        <numerusform>starts %n frames from a shot change</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>style names of %n cue(s)</source>
      <translation>
        <numerusform>style names of %n cue</numerusform>
        <numerusform>style names of %n cues</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>word timings of %n cue(s)</source>
      <translation>
        <numerusform>word timings of %n cue</numerusform>
        <numerusform>word timings of %n cues</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{path}: %n change(s)</source>
      <translation>
        <numerusform>{path}: %n change</numerusform>
        <numerusform>{path}: %n changes</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{path}: %n cue(s) from the script, language {language}</source>
      <translation>
        <numerusform>{path}: %n cue from the script, language {language}</numerusform>
        <numerusform>{path}: %n cues from the script, language {language}</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{path}: %n cue(s) re-timed</source>
      <translation>
        <numerusform>{path}: %n cue re-timed</numerusform>
        <numerusform>{path}: %n cues re-timed</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{path}: %n cue(s), language {language}</source>
      <translation>
        <numerusform>{path}: %n cue, language {language}</numerusform>
        <numerusform>{path}: %n cues, language {language}</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PictureController</name>
    <message numerus="yes">
      <source>%n shot change(s) found</source>
      <translation>
        <numerusform>%n shot change found</numerusform>
        <numerusform>%n shot changes found</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Proofread</name>
    <message numerus="yes">
      <source>%n cue(s) corrected and marked edited (Re-align Edited Cues re-times [it|them]).</source>
      <translation>
        <numerusform>%n cue corrected and marked edited (Re-align Edited Cues re-times it).</numerusform>
        <numerusform>%n cues corrected and marked edited (Re-align Edited Cues re-times them).</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ProofreadReviewDialog</name>
    <message numerus="yes">
      <source>%n correction(s) that [changes|change] much of a line [is|are] left unticked.</source>
      <translation>
        <numerusform>%n correction that changes much of a line is left unticked.</numerusform>
        <numerusform>%n corrections that change much of a line are left unticked.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n cue(s) got no usable answer and [stays as it is|stay as they are].</source>
      <translation>
        <numerusform>%n cue got no usable answer and stays as it is.</numerusform>
        <numerusform>%n cues got no usable answer and stay as they are.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>The model proposes %n correction(s).</source>
      <translation>
        <numerusform>The model proposes %n correction.</numerusform>
        <numerusform>The model proposes %n corrections.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Realign</name>
    <message numerus="yes">
      <source>, %n large move(s) rejected</source>
      <translation>
        <numerusform>, %n large move rejected</numerusform>
        <numerusform>, %n large moves rejected</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>, %n marked for review (the aligner could not place them)</source>
      <translation>
        <numerusform>, %n marked for review (the aligner could not place them)</numerusform>
        <numerusform>, %n marked for review (the aligner could not place them)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Re-aligned: %n cue(s) moved</source>
      <translation>
        <numerusform>Re-aligned: %n cue moved</numerusform>
        <numerusform>Re-aligned: %n cues moved</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Recognition</name>
    <message numerus="yes">
      <source>Recognised %n cue(s)</source>
      <translation>
        <numerusform>Recognised %n cue</numerusform>
        <numerusform>Recognised %n cues</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Replace the %n cue(s) you have with the recognised ones? (Undo brings them back.)</source>
      <translation>
        <numerusform>Replace the %n cue you have with the recognised ones? (Undo brings them back.)</numerusform>
        <numerusform>Replace the %n cues you have with the recognised ones? (Undo brings them back.)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ReviewDialog</name>
    <message numerus="yes">
      <source>%n cue(s) would move by more than {seconds} s.</source>
      <translation>
        <numerusform>%n cue would move by more than {seconds} s.</numerusform>
        <numerusform>%n cues would move by more than {seconds} s.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>; %n cue(s) the aligner could not place [keeps its time and is|keep their times and are] marked for review.</source>
      <translation>
        <numerusform>; %n cue the aligner could not place keeps its time and is marked for review.</numerusform>
        <numerusform>; %n cues the aligner could not place keep their times and are marked for review.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Applied in any case: %n smaller move(s)</source>
      <translation>
        <numerusform>Applied in any case: %n smaller move</numerusform>
        <numerusform>Applied in any case: %n smaller moves</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SaveGuard</name>
    <message numerus="yes">
      <source>%n cue(s) [overlaps|overlap] the next one.</source>
      <translation>
        <numerusform>%n cue overlaps the next one.</numerusform>
        <numerusform>%n cues overlap the next one.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n cue(s) [starts|start] before the cue above [it|them].</source>
      <translation>
        <numerusform>%n cue starts before the cue above it.</numerusform>
        <numerusform>%n cues start before the cue above them.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>StatusPanel</name>
    <message numerus="yes">
      <source>%n task(s) running</source>
      <translation>
        <numerusform>%n task running</numerusform>
        <numerusform>%n tasks running</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SubtitleIO</name>
    <message numerus="yes">
      <source>Exported %n cue(s) to {path}</source>
      <translation>
        <numerusform>Exported %n cue to {path}</numerusform>
        <numerusform>Exported %n cues to {path}</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TranslateDialog</name>
    <message numerus="yes">
      <source>The server lists %n model(s).</source>
      <translation>
        <numerusform>The server lists %n model.</numerusform>
        <numerusform>The server lists %n models.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Translation</name>
    <message numerus="yes">
      <source>%n translation(s) to review (marked in the list).</source>
      <translation>
        <numerusform>%n translation to review (marked in the list).</numerusform>
        <numerusform>%n translations to review (marked in the list).</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>VideoTracksDialog</name>
    <message numerus="yes">
      <source>The open document (%n cue(s))</source>
      <translation>
        <numerusform>The open document (%n cue)</numerusform>
        <numerusform>The open document (%n cues)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Wrote {path} with %n new subtitle track(s)</source>
      <translation>
        <numerusform>Wrote {path} with %n new subtitle track</numerusform>
        <numerusform>Wrote {path} with %n new subtitle tracks</numerusform>
      </translation>
    </message>
  </context>
</TS>
