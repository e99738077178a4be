<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
  <context>
    <name>AlignScript</name>
    <message>
      <source>Align Script</source>
      <translation>對齊稿本</translation>
    </message>
    <message>
      <source>Script to align</source>
      <translation>要對齊的稿本</translation>
    </message>
    <message>
      <source>Plain text (*.txt);;All files (*)</source>
      <translation>純文字 (*.txt);;所有檔案 (*)</translation>
    </message>
    <message>
      <source>Video or audio of the script</source>
      <translation>稿本對應的影片或音訊</translation>
    </message>
    <message>
      <source>Language of the script:</source>
      <translation>稿本的語言：</translation>
    </message>
    <message>
      <source>Decoding…</source>
      <translation>正在解碼…</translation>
    </message>
    <message>
      <source>Aligning the script ({language})…</source>
      <translation>正在對齊稿本（{language}）…</translation>
    </message>
    <message>
      <source>Align script</source>
      <translation>對齊稿本</translation>
    </message>
    <message>
      <source>Script aligned: %n cue(s)</source>
      <translation>稿本已對齊：%n 條字幕</translation>
    </message>
  </context>
  <context>
    <name>ApiKeyField</name>
    <message>
      <source>Kept in the system keyring, or {variable}</source>
      <translation>保存在系統金鑰圈中，或使用 {variable}</translation>
    </message>
    <message>
      <source>A key typed here is used for this server until you quit; Save in keyring keeps it for next time</source>
      <translation>在此輸入的金鑰將用於此伺服器，直到結束程式；「儲存到金鑰圈」可留待下次使用</translation>
    </message>
    <message>
      <source>Save in keyring</source>
      <translation>儲存到金鑰圈</translation>
    </message>
    <message>
      <source>Keep this key in the system keyring for this server (never in a file)</source>
      <translation>將此伺服器的金鑰保存在系統金鑰圈中（絕不寫入檔案）</translation>
    </message>
    <message>
      <source>Give the server's address and its key first.</source>
      <translation>請先填寫伺服器位址及其金鑰。</translation>
    </message>
    <message>
      <source>No system keyring is available here; set {variable} instead.</source>
      <translation>此處沒有可用的系統金鑰圈；請改為設定 {variable}。</translation>
    </message>
    <message>
      <source>The key is kept in the system keyring.</source>
      <translation>金鑰已保存在系統金鑰圈中。</translation>
    </message>
  </context>
  <context>
    <name>AutoSaver</name>
    <message>
      <source>{media} ({file})</source>
      <translation>{media}（{file}）</translation>
    </message>
    <message>
      <source>Untitled</source>
      <translation>未命名</translation>
    </message>
    <message>
      <source>{name}: %n cue(s), saved {when}</source>
      <translation>{name}：%n 條字幕，保存於 {when}</translation>
    </message>
    <message>
      <source>Autosave failed: {reason}</source>
      <translation>自動儲存失敗：{reason}</translation>
    </message>
    <message>
      <source>Unsaved work from an earlier session could not be read and was kept as {path} ({error})</source>
      <translation>之前工作階段中未儲存的工作無法讀取，已保留為 {path}（{error}）</translation>
    </message>
    <message numerus="yes">
      <source>and %n more file(s) in the same folder</source>
      <translation>
        <numerusform>以及同一資料夾中的另外 %n 個檔案</numerusform>
      </translation>
    </message>
    <message>
      <source>Recover unsaved work</source>
      <translation>恢復未儲存的工作</translation>
    </message>
    <message>
      <source>Recovered unsaved work ({what})</source>
      <translation>已恢復未儲存的工作（{what}）</translation>
    </message>
    <message>
      <source>Qwen Subtitle Studio did not close properly last time. Restore the unsaved work?</source>
      <translation>Qwen Subtitle Studio 上次未正常關閉。要恢復未儲存的工作嗎？</translation>
    </message>
    <message>
      <source>&amp;Restore</source>
      <translation>恢復(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Discard</source>
      <translation>丟棄(&amp;D)</translation>
    </message>
  </context>
  <context>
    <name>Batch</name>
    <message>
      <source>Waiting</source>
      <translation>等待中</translation>
    </message>
    <message>
      <source>Running</source>
      <translation>進行中</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>失敗</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>The batch queue could not be saved: {reason}</source>
      <translation>無法儲存批次佇列：{reason}</translation>
    </message>
    <message>
      <source>Batch finished: %n file(s) done</source>
      <translation>批次處理完成：%n 個檔案已完成</translation>
    </message>
    <message>
      <source>, %n failed</source>
      <translation>，%n 個失敗</translation>
    </message>
    <message>
      <source>Batch: {name}</source>
      <translation>批次：{name}</translation>
    </message>
    <message>
      <source>Batch queue</source>
      <translation>批次佇列</translation>
    </message>
    <message>
      <source>Translating into {language}</source>
      <translation>正在譯成{language}</translation>
    </message>
    <message>
      <source>Translation failed ({reason}); the recognised subtitles were written.</source>
      <translation>翻譯失敗（{reason}）；已寫入辨識出的字幕。</translation>
    </message>
    <message>
      <source>Translating needs a chat server and a model: choose them in Recognition ▸ Translate…</source>
      <translation>翻譯需要聊天伺服器和模型：請在 辨識 ▸ 翻譯… 中選擇</translation>
    </message>
  </context>
  <context>
    <name>BatchDock</name>
    <message>
      <source>Batch queue</source>
      <translation>批次佇列</translation>
    </message>
    <message>
      <source>Add…</source>
      <translation>新增…</translation>
    </message>
    <message>
      <source>Add media files (or drop files and folders here)</source>
      <translation>新增媒體檔案（也可將檔案和資料夾拖放到這裡）</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>開始</translation>
    </message>
    <message>
      <source>Recognise the waiting files, one after another</source>
      <translation>逐一辨識等待中的檔案</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Cancel the selected files</source>
      <translation>取消所選檔案</translation>
    </message>
    <message>
      <source>Cancel all</source>
      <translation>全部取消</translation>
    </message>
    <message>
      <source>Cancel every file not done yet</source>
      <translation>取消所有尚未完成的檔案</translation>
    </message>
    <message>
      <source>Up</source>
      <translation>上移</translation>
    </message>
    <message>
      <source>Move the selected file up</source>
      <translation>將所選檔案上移</translation>
    </message>
    <message>
      <source>Down</source>
      <translation>下移</translation>
    </message>
    <message>
      <source>Move the selected file down</source>
      <translation>將所選檔案下移</translation>
    </message>
    <message>
      <source>Again</source>
      <translation>重新排入</translation>
    </message>
    <message>
      <source>Queue the selected files again</source>
      <translation>將所選檔案重新加入佇列</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Take the selected files off the queue</source>
      <translation>將所選檔案移出佇列</translation>
    </message>
    <message>
      <source>Recognition…</source>
      <translation>辨識設定…</translation>
    </message>
    <message>
      <source>Language, model, server or this computer, word timing: the same settings as Recognize Speech</source>
      <translation>語言、模型、伺服器或本機、詞級定時：與「語音辨識」使用相同的設定</translation>
    </message>
    <message>
      <source>Next to each media file</source>
      <translation>與各媒體檔案放在一起</translation>
    </message>
    <message>
      <source>Into this folder:</source>
      <translation>儲存到此資料夾：</translation>
    </message>
    <message>
      <source>Folder for the subtitles</source>
      <translation>字幕儲存資料夾</translation>
    </message>
    <message>
      <source>Folder…</source>
      <translation>資料夾…</translation>
    </message>
    <message>
      <source>Subtitles:</source>
      <translation>字幕：</translation>
    </message>
    <message>
      <source>Formats:</source>
      <translation>格式：</translation>
    </message>
    <message>
      <source>Translate to:</source>
      <translation>譯成：</translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) added to the batch queue</source>
      <translation>
        <numerusform>已將 %n 個檔案加入批次佇列</numerusform>
      </translation>
    </message>
    <message>
      <source>(not media, left out: {names})</source>
      <translation>（不是媒體檔案，未加入：{names}）</translation>
    </message>
    <message>
      <source>Add to batch queue</source>
      <translation>加入批次佇列</translation>
    </message>
    <message>
      <source>Batch recognition settings</source>
      <translation>批次辨識設定</translation>
    </message>
  </context>
  <context>
    <name>BatchTableModel</name>
    <message>
      <source>File</source>
      <translation>檔案</translation>
    </message>
    <message>
      <source>State</source>
      <translation>狀態</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>進度</translation>
    </message>
    <message>
      <source>{percent} — {time} left</source>
      <translation>{percent} — 剩餘 {time}</translation>
    </message>
  </context>
  <context>
    <name>BurnDialog</name>
    <message>
      <source>Export Video with Burned-in Subtitles</source>
      <translation>匯出內嵌（燒錄）字幕的影片</translation>
    </message>
    <message numerus="yes">
      <source>The open document (%n cue(s))</source>
      <translation>
        <numerusform>目前文件（%n 條字幕）</numerusform>
      </translation>
    </message>
    <message>
      <source>A subtitle file…</source>
      <translation>字幕檔案…</translation>
    </message>
    <message>
      <source>H.264 quality (CRF): lower is better and bigger; 18 to 23 look good</source>
      <translation>H.264 畫質（CRF）：數值越低畫質越好、檔案越大；18 到 23 效果良好</translation>
    </message>
    <message>
      <source>Very fast (bigger file)</source>
      <translation>很快（檔案更大）</translation>
    </message>
    <message>
      <source>Faster</source>
      <translation>較快</translation>
    </message>
    <message>
      <source>Fast</source>
      <translation>快</translation>
    </message>
    <message>
      <source>Medium</source>
      <translation>中等</translation>
    </message>
    <message>
      <source>Slow (smaller file)</source>
      <translation>慢（檔案更小）</translation>
    </message>
    <message>
      <source>Video:</source>
      <translation>影片：</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>瀏覽…</translation>
    </message>
    <message>
      <source>Subtitles:</source>
      <translation>字幕：</translation>
    </message>
    <message>
      <source>Quality (CRF):</source>
      <translation>畫質（CRF）：</translation>
    </message>
    <message>
      <source>Encoding speed:</source>
      <translation>編碼速度：</translation>
    </message>
    <message>
      <source>Save as:</source>
      <translation>儲存為：</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>匯出</translation>
    </message>
    <message>
      <source>The cues are drawn as the picture pane shows them: their size follows the picture's height, {\an8} cues go to the top, italics stay slanted. The picture is encoded again as H.264 (MP4); the sound is copied as it is.</source>
      <translation>字幕按畫面面板中的樣子繪製：大小隨畫面高度而定，帶 {\an8} 的字幕位於頂部，斜體保持傾斜。畫面重新編碼為 H.264（MP4）；聲音原樣複製。</translation>
    </message>
    <message>
      <source>Choose the Subtitles</source>
      <translation>選擇字幕</translation>
    </message>
    <message>
      <source>Choose the Video</source>
      <translation>選擇影片</translation>
    </message>
    <message>
      <source>Videos ({patterns})</source>
      <translation>影片 ({patterns})</translation>
    </message>
    <message>
      <source>Save the Video As</source>
      <translation>影片另存為</translation>
    </message>
    <message>
      <source>MP4 (*.mp4)</source>
      <translation>MP4 (*.mp4)</translation>
    </message>
    <message>
      <source>Burning subtitles into {name}…</source>
      <translation>正在將字幕燒錄到 {name}…</translation>
    </message>
    <message>
      <source>Burning subtitles into {name}… about {time} left</source>
      <translation>正在將字幕燒錄到 {name}…，約剩 {time}</translation>
    </message>
    <message>
      <source>the open document</source>
      <translation>目前文件</translation>
    </message>
    <message>
      <source>Wrote {path}: subtitles drawn on %n frame(s)</source>
      <translation>已寫入 {path}：字幕繪製在 %n 個影格上</translation>
    </message>
  </context>
  <context>
    <name>ChecksPanel</name>
    <message>
      <source>Overlaps and order</source>
      <translation>重疊與順序</translation>
    </message>
    <message>
      <source>Duration</source>
      <translation>時長</translation>
    </message>
    <message>
      <source>Gaps</source>
      <translation>間隔</translation>
    </message>
    <message>
      <source>Reading speed</source>
      <translation>閱讀速度</translation>
    </message>
    <message>
      <source>Lines</source>
      <translation>行</translation>
    </message>
    <message>
      <source>Text and spaces</source>
      <translation>文字與空格</translation>
    </message>
    <message>
      <source>Shot changes</source>
      <translation>鏡頭切換</translation>
    </message>
    <message>
      <source>Checks</source>
      <translation>品質檢查</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>編輯…</translation>
    </message>
    <message>
      <source>The limits of the custom profile</source>
      <translation>自訂規範的各項限制</translation>
    </message>
    <message>
      <source>All problems</source>
      <translation>全部問題</translation>
    </message>
    <message>
      <source>Errors</source>
      <translation>錯誤</translation>
    </message>
    <message>
      <source>Warnings</source>
      <translation>警告</translation>
    </message>
    <message>
      <source>Fix…</source>
      <translation>修正…</translation>
    </message>
    <message>
      <source>Propose fixes for these problems and review them</source>
      <translation>為這些問題提出修正並逐條審閱</translation>
    </message>
    <message>
      <source>Profile:</source>
      <translation>規範：</translation>
    </message>
    <message>
      <source>Show:</source>
      <translation>顯示：</translation>
    </message>
    <message numerus="yes">
      <source>Checks (%n)</source>
      <translation>
        <numerusform>品質檢查（%n）</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n problem(s)</source>
      <translation>
        <numerusform>%n 個問題</numerusform>
      </translation>
    </message>
    <message>
      <source>No problems found</source>
      <translation>未發現問題</translation>
    </message>
    <message>
      <source>&amp;Checks</source>
      <translation>品質檢查(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Fix Common Problems…</source>
      <translation>修正常見問題(&amp;F)…</translation>
    </message>
  </context>
  <context>
    <name>Command</name>
    <message>
      <source>Change flags</source>
      <translation>變更標記</translation>
    </message>
    <message>
      <source>Change times</source>
      <translation>變更時間</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>刪除</translation>
    </message>
    <message>
      <source>Delete cues</source>
      <translation>刪除字幕條</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>編輯</translation>
    </message>
    <message>
      <source>Edit text</source>
      <translation>編輯文字</translation>
    </message>
    <message>
      <source>Insert</source>
      <translation>插入</translation>
    </message>
    <message>
      <source>Insert cue</source>
      <translation>插入字幕條</translation>
    </message>
    <message>
      <source>Merge cues</source>
      <translation>合併字幕條</translation>
    </message>
    <message>
      <source>Replace all</source>
      <translation>全部取代</translation>
    </message>
    <message>
      <source>Set language</source>
      <translation>設定語言</translation>
    </message>
    <message>
      <source>Set properties</source>
      <translation>設定屬性</translation>
    </message>
    <message>
      <source>Shift times</source>
      <translation>平移時間</translation>
    </message>
    <message>
      <source>Split cue</source>
      <translation>拆分字幕條</translation>
    </message>
    <message>
      <source>Translate</source>
      <translation>翻譯</translation>
    </message>
  </context>
  <context>
    <name>ConvertChineseDialog</name>
    <message>
      <source>Convert Chinese</source>
      <translation>簡繁轉換</translation>
    </message>
    <message numerus="yes">
      <source>Selected cues (%n)</source>
      <translation>
        <numerusform>所選字幕（%n 條）</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>All cues (%n)</source>
      <translation>
        <numerusform>全部字幕（%n 條）</numerusform>
      </translation>
    </message>
    <message>
      <source>Conversion:</source>
      <translation>轉換方式：</translation>
    </message>
    <message>
      <source>Cues:</source>
      <translation>字幕：</translation>
    </message>
    <message>
      <source>Preview:</source>
      <translation>預覽：</translation>
    </message>
    <message>
      <source>Phrases are converted as a whole (软件 → 軟體 for Taiwan); times are kept.</source>
      <translation>按詞組整體轉換（如臺灣用詞：软件 → 軟體）；時間保持不變。</translation>
    </message>
    <message>
      <source>Convert</source>
      <translation>轉換</translation>
    </message>
    <message>
      <source>Nothing to change in these cues.</source>
      <translation>這些字幕中沒有需要轉換的內容。</translation>
    </message>
    <message>
      <source>There are no cues to convert.</source>
      <translation>沒有可轉換的字幕。</translation>
    </message>
    <message>
      <source>Nothing to convert.</source>
      <translation>沒有需要轉換的內容。</translation>
    </message>
    <message>
      <source>Converted %n cue(s) ({config})</source>
      <translation>已轉換 %n 條字幕（{config}）</translation>
    </message>
  </context>
  <context>
    <name>CueEditor</name>
    <message>
      <source>Select a cue to edit its text</source>
      <translation>選擇一條字幕以編輯其文字</translation>
    </message>
    <message>
      <source>Cue {number}</source>
      <translation>第 {number} 條</translation>
    </message>
    <message>
      <source>line lengths {lengths} (max {max})</source>
      <translation>每行字數 {lengths}（上限 {max}）</translation>
    </message>
    <message>
      <source>{cps} chars/s (max {max})</source>
      <translation>{cps} 字/秒（上限 {max}）</translation>
    </message>
  </context>
  <context>
    <name>CueLanguage</name>
    <message>
      <source>Set &amp;Language…</source>
      <translation>設定語言(&amp;L)…</translation>
    </message>
    <message>
      <source>Set Language</source>
      <translation>設定語言</translation>
    </message>
    <message>
      <source>Select the cues first.</source>
      <translation>請先選取字幕。</translation>
    </message>
    <message>
      <source>Not known</source>
      <translation>未知</translation>
    </message>
    <message>
      <source>Language of %n selected cue(s):</source>
      <translation>所選 %n 條字幕的語言：</translation>
    </message>
    <message>
      <source>Set language</source>
      <translation>設定語言</translation>
    </message>
  </context>
  <context>
    <name>CueLayer</name>
    <message>
      <source>Drag cue start</source>
      <translation>拖曳字幕開始時間</translation>
    </message>
    <message>
      <source>Drag cue end</source>
      <translation>拖曳字幕結束時間</translation>
    </message>
    <message>
      <source>Move cue</source>
      <translation>移動字幕條</translation>
    </message>
  </context>
  <context>
    <name>CueTableModel</name>
    <message>
      <source>Start</source>
      <translation>開始</translation>
    </message>
    <message>
      <source>End</source>
      <translation>結束</translation>
    </message>
    <message>
      <source>Duration</source>
      <translation>長度</translation>
    </message>
    <message>
      <source>CPS</source>
      <translation>字/秒</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>文字</translation>
    </message>
    <message>
      <source>Translation</source>
      <translation>譯文</translation>
    </message>
    <message>
      <source>Text edited since it was timed: re-align to fix its timing</source>
      <translation>定時後文字已修改：重新對齊以修正其時間</translation>
    </message>
    <message>
      <source>The aligner could not place this text; its old timing was kept</source>
      <translation>對齊器無法定位這段文字，已保留原來的時間</translation>
    </message>
    <message>
      <source>Translation to review: the model gave no usable line, or not in its language</source>
      <translation>待檢查的譯文：模型沒有給出可用的一行，或不是目標語言</translation>
    </message>
    <message>
      <source>Locked: automatic timing never moves it</source>
      <translation>已鎖定：自動定時不會移動它</translation>
    </message>
    <message>
      <source>Edit translation</source>
      <translation>編輯譯文</translation>
    </message>
  </context>
  <context>
    <name>CustomProfileDialog</name>
    <message>
      <source>Custom quality profile</source>
      <translation>自訂品質規範</translation>
    </message>
    <message>
      <source>not checked</source>
      <translation>不檢查</translation>
    </message>
    <message>
      <source>by language</source>
      <translation>依語言</translation>
    </message>
    <message>
      <source> characters/s</source>
      <translation> 字元/秒</translation>
    </message>
    <message>
      <source> words/min</source>
      <translation> 詞/分鐘</translation>
    </message>
    <message>
      <source> ms</source>
      <translation> 毫秒</translation>
    </message>
    <message>
      <source> characters</source>
      <translation> 個字元</translation>
    </message>
    <message>
      <source>Maximum reading speed:</source>
      <translation>最高閱讀速度：</translation>
    </message>
    <message>
      <source>Maximum words per minute:</source>
      <translation>每分鐘最多詞數：</translation>
    </message>
    <message>
      <source>Minimum duration:</source>
      <translation>最短時長：</translation>
    </message>
    <message>
      <source>Maximum duration:</source>
      <translation>最長時長：</translation>
    </message>
    <message>
      <source>Minimum gap:</source>
      <translation>最小間隔：</translation>
    </message>
    <message>
      <source>Maximum line length:</source>
      <translation>每行最多字元：</translation>
    </message>
    <message>
      <source>Maximum lines:</source>
      <translation>最多行數：</translation>
    </message>
    <message>
      <source>The minimum duration must not be over the maximum.</source>
      <translation>最短時長不能超過最長時長。</translation>
    </message>
  </context>
  <context>
    <name>EditActions</name>
    <message>
      <source>Select one cue with at least two characters to split it</source>
      <translation>請選擇一條至少有兩個字元的字幕進行拆分</translation>
    </message>
    <message>
      <source>Select a cue that has a next cue to merge with</source>
      <translation>請選擇一條後面還有字幕的字幕條進行合併</translation>
    </message>
    <message>
      <source>Shift times</source>
      <translation>平移時間</translation>
    </message>
    <message>
      <source>Shift the selected cues (all cues when none is selected) by, e.g. 1.5 or -0:02.250:</source>
      <translation>將所選字幕（未選擇時為全部字幕）平移，例如 1.5 或 -0:02.250：</translation>
    </message>
    <message>
      <source>Select one cue to set its start at the playhead</source>
      <translation>請選擇一條字幕，將其開始時間設為播放頭位置</translation>
    </message>
    <message>
      <source>Select one cue to set its end at the playhead</source>
      <translation>請選擇一條字幕，將其結束時間設為播放頭位置</translation>
    </message>
    <message>
      <source>The start is already there, or a neighbouring cue is in the way</source>
      <translation>開始時間已在該處，或被相鄰字幕擋住</translation>
    </message>
    <message>
      <source>The end is already there, or a neighbouring cue is in the way</source>
      <translation>結束時間已在該處，或被相鄰字幕擋住</translation>
    </message>
  </context>
  <context>
    <name>Editing</name>
    <message>
      <source>Set start</source>
      <translation>設定開始時間</translation>
    </message>
    <message>
      <source>Set end</source>
      <translation>設定結束時間</translation>
    </message>
    <message>
      <source>Merge cues</source>
      <translation>合併字幕條</translation>
    </message>
    <message>
      <source>Lock cues</source>
      <translation>鎖定字幕條</translation>
    </message>
    <message>
      <source>Unlock cues</source>
      <translation>解鎖字幕條</translation>
    </message>
    <message>
      <source>Replace '{pattern}'</source>
      <translation>取代「{pattern}」</translation>
    </message>
  </context>
  <context>
    <name>FileController</name>
    <message>
      <source>All supported ({patterns})</source>
      <translation>所有支援的檔案（{patterns}）</translation>
    </message>
    <message>
      <source>Media ({patterns})</source>
      <translation>媒體（{patterns}）</translation>
    </message>
    <message>
      <source>Subtitles ({patterns})</source>
      <translation>字幕（{patterns}）</translation>
    </message>
    <message>
      <source>Projects ({patterns})</source>
      <translation>專案（{patterns}）</translation>
    </message>
    <message>
      <source>All files ({patterns})</source>
      <translation>所有檔案（{patterns}）</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>開啟</translation>
    </message>
    <message>
      <source>Import subtitles</source>
      <translation>匯入字幕</translation>
    </message>
    <message>
      <source>Reload with encoding</source>
      <translation>以指定編碼重新載入</translation>
    </message>
    <message>
      <source>No subtitle file has been opened yet.</source>
      <translation>尚未開啟任何字幕檔案。</translation>
    </message>
    <message>
      <source>Read {name} as:</source>
      <translation>將 {name} 讀取為：</translation>
    </message>
    <message>
      <source>{path}: no such file</source>
      <translation>{path}：檔案不存在</translation>
    </message>
    <message>
      <source>opening another file</source>
      <translation>開啟另一個檔案</translation>
    </message>
    <message>
      <source>opening another project</source>
      <translation>開啟另一個專案</translation>
    </message>
    <message>
      <source>Open project</source>
      <translation>開啟專案</translation>
    </message>
    <message>
      <source>The project's media is missing: {path}</source>
      <translation>找不到專案的媒體檔案：{path}</translation>
    </message>
    <message>
      <source>Reading {name}…</source>
      <translation>正在讀取 {name}…</translation>
    </message>
    <message>
      <source>Open subtitles</source>
      <translation>開啟字幕</translation>
    </message>
    <message>
      <source>{encoding}, detected</source>
      <translation>{encoding}（自動偵測）</translation>
    </message>
    <message numerus="yes">
      <source>%n cue(s) read from {name} ({how})</source>
      <translation>
        <numerusform>從 {name} 讀取了 %n 條字幕（{how}）</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>; %n part(s) skipped</source>
      <translation>
        <numerusform>；跳過了 %n 處</numerusform>
      </translation>
    </message>
    <message>
      <source>Some parts of {name} could not be read and were skipped:</source>
      <translation>{name} 的部分內容無法讀取，已跳過：</translation>
    </message>
    <message numerus="yes">
      <source>Replace the %n cue(s) you have with the cues of {name}? (Undo brings them back.)</source>
      <translation>
        <numerusform>用 {name} 中的字幕取代現有的 %n 條字幕嗎？（復原可還原。）</numerusform>
      </translation>
    </message>
    <message>
      <source>Decoding {name}…</source>
      <translation>正在解碼 {name}…</translation>
    </message>
    <message>
      <source>Open media</source>
      <translation>開啟媒體</translation>
    </message>
    <message numerus="yes">
      <source>{warning} (and %n more)</source>
      <translation>
        <numerusform>{warning}（另有 %n 處）</numerusform>
      </translation>
    </message>
    <message>
      <source>{name}: {warning}</source>
      <translation>{name}：{warning}</translation>
    </message>
    <message numerus="yes">
      <source>Opened {name} in place of the previous media; the %n cue(s) you had [is|are] kept</source>
      <translation>
        <numerusform>已開啟 {name} 取代之前的媒體；原有的 %n 條字幕保持不變</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Opened {name}; the %n cue(s) you had [is|are] kept (File ▸ Import Subtitles replaces [it|them])</source>
      <translation>
        <numerusform>已開啟 {name}；原有的 %n 條字幕保持不變（檔案 ▸ 匯入字幕 可取代它們）</numerusform>
      </translation>
    </message>
    <message>
      <source>Import Subtitle Track</source>
      <translation>匯入字幕軌</translation>
    </message>
    <message>
      <source>{name} has no subtitle tracks.</source>
      <translation>{name} 沒有字幕軌。</translation>
    </message>
    <message>
      <source>Reading tracks…</source>
      <translation>正在讀取字幕軌…</translation>
    </message>
    <message>
      <source>{name}, track {number}</source>
      <translation>{name}，字幕軌 {number}</translation>
    </message>
    <message>
      <source>Save project</source>
      <translation>儲存專案</translation>
    </message>
    <message>
      <source>Saved {path}</source>
      <translation>已儲存 {path}</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>未儲存的變更</translation>
    </message>
    <message>
      <source>The subtitles have changes that are not saved. Save them before {doing}?</source>
      <translation>字幕有未儲存的變更。在{doing}之前儲存嗎？</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（無）</translation>
    </message>
  </context>
  <context>
    <name>FindReplaceDialog</name>
    <message>
      <source>Find and Replace</source>
      <translation>尋找和取代</translation>
    </message>
    <message>
      <source>Match case</source>
      <translation>區分大小寫</translation>
    </message>
    <message>
      <source>Regular expression</source>
      <translation>正規表示式</translation>
    </message>
    <message>
      <source>Find Next</source>
      <translation>尋找下一個</translation>
    </message>
    <message>
      <source>Replace All</source>
      <translation>全部取代</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>關閉</translation>
    </message>
    <message>
      <source>Find:</source>
      <translation>尋找：</translation>
    </message>
    <message>
      <source>Replace with:</source>
      <translation>取代為：</translation>
    </message>
    <message>
      <source>Type what to find</source>
      <translation>輸入要尋找的內容</translation>
    </message>
    <message>
      <source>Not a valid expression: {error}</source>
      <translation>不是有效的表示式：{error}</translation>
    </message>
    <message>
      <source>Not found</source>
      <translation>未找到</translation>
    </message>
    <message>
      <source>Cue {number}</source>
      <translation>第 {number} 條</translation>
    </message>
    <message>
      <source>Cannot replace: {error}</source>
      <translation>無法取代：{error}</translation>
    </message>
    <message numerus="yes">
      <source>Replaced in %n cue(s)</source>
      <translation>
        <numerusform>已在 %n 條字幕中取代</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>FindingsModel</name>
    <message>
      <source>Start</source>
      <translation>開始</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>嚴重程度</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>問題</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>錯誤</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>警告</translation>
    </message>
    <message>
      <source>Translation: {problem}</source>
      <translation>譯文：{problem}</translation>
    </message>
  </context>
  <context>
    <name>FixReview</name>
    <message>
      <source>Spaces</source>
      <translation>空格</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>順序</translation>
    </message>
    <message>
      <source>Overlaps</source>
      <translation>重疊</translation>
    </message>
    <message>
      <source>Gaps</source>
      <translation>間隔</translation>
    </message>
    <message>
      <source>Too short or fast</source>
      <translation>過短或過快</translation>
    </message>
    <message>
      <source>Too long</source>
      <translation>過長</translation>
    </message>
    <message>
      <source>Merges</source>
      <translation>合併</translation>
    </message>
    <message>
      <source>Line breaks</source>
      <translation>換行</translation>
    </message>
    <message>
      <source>Full-width punctuation</source>
      <translation>全形標點</translation>
    </message>
    <message>
      <source>Line-end punctuation</source>
      <translation>行尾標點</translation>
    </message>
    <message>
      <source>Splits</source>
      <translation>拆分</translation>
    </message>
    <message>
      <source>Shot changes</source>
      <translation>鏡頭切換</translation>
    </message>
    <message>
      <source>%n cue(s) fixed</source>
      <translation>已修正 %n 條字幕</translation>
    </message>
    <message>
      <source>Fix common problems</source>
      <translation>修正常見問題</translation>
    </message>
    <message>
      <source>Nothing to fix: no change would help.</source>
      <translation>無需修正：沒有可改進之處。</translation>
    </message>
  </context>
  <context>
    <name>FixReviewDialog</name>
    <message>
      <source>Fix common problems</source>
      <translation>修正常見問題</translation>
    </message>
    <message numerus="yes">
      <source>%n cue(s) would change (profile: {profile}).</source>
      <translation>
        <numerusform>將變更 %n 條字幕（規範：{profile}）。</numerusform>
      </translation>
    </message>
    <message>
      <source>Untick what should stay as it is. Locked cues are never changed; no text is lost.</source>
      <translation>取消勾選要保持原樣的項目。鎖定的字幕不會被變更；不會遺失任何文字。</translation>
    </message>
    <message>
      <source>Kinds:</source>
      <translation>類別：</translation>
    </message>
    <message>
      <source>{kind} ({count})</source>
      <translation>{kind}（{count}）</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>套用</translation>
    </message>
    <message>
      <source>Chinese: remove the comma or full stop at the end of each line</source>
      <translation>中文：刪除每行末尾的逗號或句號</translation>
    </message>
    <message>
      <source>As many Chinese subtitles are delivered: a ， or 。 that ends a line is removed.</source>
      <translation>依許多中文字幕的交付慣例：刪除行尾的，或。</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>變更</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>修改前</translation>
    </message>
    <message>
      <source>After</source>
      <translation>修改後</translation>
    </message>
    <message>
      <source>Tick All</source>
      <translation>全部勾選</translation>
    </message>
    <message>
      <source>Untick All</source>
      <translation>全部取消勾選</translation>
    </message>
  </context>
  <context>
    <name>Help</name>
    <message>
      <source>&amp;Quick Guide</source>
      <translation>快速入門(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Keyboard Shortcuts</source>
      <translation>鍵盤快捷鍵(&amp;K)</translation>
    </message>
    <message>
      <source>&amp;About Qwen Subtitle Studio</source>
      <translation>關於 Qwen Subtitle Studio(&amp;A)</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Shortcut</source>
      <translation>快捷鍵</translation>
    </message>
    <message>
      <source>Preset: {preset}. Change keys in Edit ▸ Keyboard Shortcuts.</source>
      <translation>預設集：{preset}。可在 編輯 ▸ 鍵盤快捷鍵 中變更按鍵。</translation>
    </message>
    <message>
      <source>Keyboard Shortcuts</source>
      <translation>鍵盤快捷鍵</translation>
    </message>
    <message>
      <source>Open a video or audio file: File ▸ Open, or drop it on the window.</source>
      <translation>開啟影片或音訊檔案：檔案 ▸ 開啟，或將檔案拖到視窗中。</translation>
    </message>
    <message>
      <source>Recognition ▸ Recognize Speech makes subtitles from the audio. Choose the language if you know it; the first run downloads the model.</source>
      <translation>辨識 ▸ 語音辨識 根據音訊產生字幕。如果知道語言，請選擇它；首次執行會下載模型。</translation>
    </message>
    <message>
      <source>Check each cue: play it, correct its text in the box above the list. Red and orange cells mark cues that are too fast to read, too long, or overlapping.</source>
      <translation>逐條檢查字幕：播放它，在清單上方的文字方塊中修改文字。紅色和橙色的儲存格表示字幕閱讀速度過快、過長或相互重疊。</translation>
    </message>
    <message>
      <source>Fix the timing on the waveform: drag a cue's edges or the whole cue, or set its start and end at the playhead with the keys. After editing text, Recognition ▸ Re-align Edited Cues times it again.</source>
      <translation>在波形上修正時間：拖曳字幕的邊緣或整條字幕，或用快捷鍵把開始和結束時間設為播放頭位置。修改文字後，用 辨識 ▸ 重新對齊已編輯的字幕 重新定時。</translation>
    </message>
    <message>
      <source>Save the project to keep working later, and File ▸ Export As for the subtitle file (SRT, WebVTT, ASS and more).</source>
      <translation>儲存專案以便以後繼續工作，用 檔案 ▸ 匯出為 得到字幕檔案（SRT、WebVTT、ASS 等格式）。</translation>
    </message>
    <message>
      <source>Quick Guide</source>
      <translation>快速入門</translation>
    </message>
    <message>
      <source>not installed</source>
      <translation>未安裝</translation>
    </message>
    <message>
      <source>{model} (in use)</source>
      <translation>{model}（使用中）</translation>
    </message>
    <message>
      <source>{model} (not loaded yet)</source>
      <translation>{model}（尚未載入）</translation>
    </message>
    <message>
      <source>Recognition model</source>
      <translation>辨識模型</translation>
    </message>
    <message>
      <source>Aligner</source>
      <translation>對齊模型</translation>
    </message>
    <message>
      <source>A subtitle editor built on Qwen3-ASR: recognition, forced alignment, timing on the waveform.</source>
      <translation>基於 Qwen3-ASR 的字幕編輯器：語音辨識、強制對齊、在波形上調整時間。</translation>
    </message>
    <message>
      <source>Licensed under the Apache License 2.0.</source>
      <translation>以 Apache License 2.0 授權。</translation>
    </message>
    <message>
      <source>About {app}</source>
      <translation>關於 {app}</translation>
    </message>
  </context>
  <context>
    <name>Language</name>
    <message>
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <source>English</source>
      <translation>英語</translation>
    </message>
    <message>
      <source>Cantonese</source>
      <translation>粵語</translation>
    </message>
    <message>
      <source>Arabic</source>
      <translation>阿拉伯語</translation>
    </message>
    <message>
      <source>German</source>
      <translation>德語</translation>
    </message>
    <message>
      <source>French</source>
      <translation>法語</translation>
    </message>
    <message>
      <source>Spanish</source>
      <translation>西班牙語</translation>
    </message>
    <message>
      <source>Portuguese</source>
      <translation>葡萄牙語</translation>
    </message>
    <message>
      <source>Indonesian</source>
      <translation>印尼語</translation>
    </message>
    <message>
      <source>Italian</source>
      <translation>義大利語</translation>
    </message>
    <message>
      <source>Korean</source>
      <translation>韓語</translation>
    </message>
    <message>
      <source>Russian</source>
      <translation>俄語</translation>
    </message>
    <message>
      <source>Thai</source>
      <translation>泰語</translation>
    </message>
    <message>
      <source>Vietnamese</source>
      <translation>越南語</translation>
    </message>
    <message>
      <source>Japanese</source>
      <translation>日語</translation>
    </message>
    <message>
      <source>Turkish</source>
      <translation>土耳其語</translation>
    </message>
    <message>
      <source>Hindi</source>
      <translation>印地語</translation>
    </message>
    <message>
      <source>Malay</source>
      <translation>馬來語</translation>
    </message>
    <message>
      <source>Dutch</source>
      <translation>荷蘭語</translation>
    </message>
    <message>
      <source>Swedish</source>
      <translation>瑞典語</translation>
    </message>
    <message>
      <source>Danish</source>
      <translation>丹麥語</translation>
    </message>
    <message>
      <source>Finnish</source>
      <translation>芬蘭語</translation>
    </message>
    <message>
      <source>Polish</source>
      <translation>波蘭語</translation>
    </message>
    <message>
      <source>Czech</source>
      <translation>捷克語</translation>
    </message>
    <message>
      <source>Filipino</source>
      <translation>菲律賓語</translation>
    </message>
    <message>
      <source>Persian</source>
      <translation>波斯語</translation>
    </message>
    <message>
      <source>Greek</source>
      <translation>希臘語</translation>
    </message>
    <message>
      <source>Romanian</source>
      <translation>羅馬尼亞語</translation>
    </message>
    <message>
      <source>Hungarian</source>
      <translation>匈牙利語</translation>
    </message>
    <message>
      <source>Macedonian</source>
      <translation>馬其頓語</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Recovered unsaved work; {path} was not opened</source>
      <translation>已恢復未儲存的工作；未開啟 {path}</translation>
    </message>
    <message>
      <source>Drop a video, audio or subtitle file here</source>
      <translation>將影片、音訊或字幕檔案拖到這裡</translation>
    </message>
    <message>
      <source>or use File ▸ Open (Ctrl+O). Then Recognition ▸ Recognize speech makes subtitles from the audio.</source>
      <translation>或使用 檔案 ▸ 開啟（Ctrl+O）。然後用 辨識 ▸ 語音辨識 根據音訊產生字幕。</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>檔案(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>開啟(&amp;O)…</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>最近開啟(&amp;R)</translation>
    </message>
    <message>
      <source>Reload Subtitles with E&amp;ncoding…</source>
      <translation>以指定編碼重新載入字幕(&amp;N)…</translation>
    </message>
    <message>
      <source>&amp;Import Subtitles…</source>
      <translation>匯入字幕(&amp;I)…</translation>
    </message>
    <message>
      <source>Import Subtitle &amp;Track from Video…</source>
      <translation>從影片匯入字幕軌(&amp;T)…</translation>
    </message>
    <message>
      <source>Save Su&amp;btitles</source>
      <translation>儲存字幕(&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Export As…</source>
      <translation>匯出為(&amp;E)…</translation>
    </message>
    <message>
      <source>Add to &amp;Batch Queue…</source>
      <translation>加入批次佇列(&amp;B)…</translation>
    </message>
    <message>
      <source>&amp;Save Project</source>
      <translation>儲存專案(&amp;S)</translation>
    </message>
    <message>
      <source>Save Project &amp;As…</source>
      <translation>專案另存為(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>結束(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>編輯(&amp;E)</translation>
    </message>
    <message>
      <source>Some saved preferences could not be read; their defaults are used.</source>
      <translation>部分已儲存的偏好設定無法讀取，已改用預設值。</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>復原(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Insert Cue</source>
      <translation>插入字幕條(&amp;I)</translation>
    </message>
    <message>
      <source>&amp;Delete Cues</source>
      <translation>刪除字幕條(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Split at Cursor</source>
      <translation>在游標處拆分(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Merge with Next</source>
      <translation>與下一條合併(&amp;M)</translation>
    </message>
    <message>
      <source>Shift &amp;Times…</source>
      <translation>平移時間(&amp;T)…</translation>
    </message>
    <message>
      <source>&amp;Lock / Unlock</source>
      <translation>鎖定/解鎖(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Find and Replace…</source>
      <translation>尋找和取代(&amp;F)…</translation>
    </message>
    <message>
      <source>&amp;Recognition</source>
      <translation>辨識(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Recognize Speech…</source>
      <translation>語音辨識(&amp;R)…</translation>
    </message>
    <message>
      <source>Re-align &amp;Selected Cues</source>
      <translation>重新對齊所選字幕(&amp;S)</translation>
    </message>
    <message>
      <source>Re-align &amp;Edited Cues</source>
      <translation>重新對齊已編輯的字幕(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Align Whole File…</source>
      <translation>對齊整個檔案(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Playback</source>
      <translation>播放(&amp;P)</translation>
    </message>
    <message>
      <source>Play / &amp;Pause</source>
      <translation>播放/暫停(&amp;P)</translation>
    </message>
    <message>
      <source>Play &amp;Selected Cue</source>
      <translation>播放所選字幕(&amp;S)</translation>
    </message>
    <message>
      <source>Play 0.5 s &amp;Before Start</source>
      <translation>播放開始前 0.5 秒(&amp;B)</translation>
    </message>
    <message>
      <source>Play 0.5 s &amp;After End</source>
      <translation>播放結束後 0.5 秒(&amp;A)</translation>
    </message>
    <message>
      <source>Set S&amp;tart at Playhead</source>
      <translation>將開始時間設為播放頭(&amp;T)</translation>
    </message>
    <message>
      <source>Set &amp;End at Playhead</source>
      <translation>將結束時間設為播放頭(&amp;E)</translation>
    </message>
    <message>
      <source>Set End and &amp;Go to Next</source>
      <translation>設定結束時間並轉到下一條(&amp;G)</translation>
    </message>
    <message>
      <source>Pre&amp;vious Cue</source>
      <translation>上一條字幕(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Next Cue</source>
      <translation>下一條字幕(&amp;N)</translation>
    </message>
    <message>
      <source>Zoom &amp;In</source>
      <translation>放大(&amp;I)</translation>
    </message>
    <message>
      <source>Zoom &amp;Out</source>
      <translation>縮小(&amp;O)</translation>
    </message>
    <message>
      <source>Scroll &amp;Left</source>
      <translation>向左捲動(&amp;L)</translation>
    </message>
    <message>
      <source>Scroll &amp;Right</source>
      <translation>向右捲動(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>檢視(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>說明(&amp;H)</translation>
    </message>
    <message>
      <source>Typing</source>
      <translation>輸入</translation>
    </message>
    <message>
      <source>&amp;Undo {what}</source>
      <translation>復原{what}(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo {what}</source>
      <translation>重做{what}(&amp;R)</translation>
    </message>
    <message>
      <source>Untitled</source>
      <translation>未命名</translation>
    </message>
    <message>
      <source>{name}[*] — {app}</source>
      <translation>{name}[*] — {app}</translation>
    </message>
    <message>
      <source>closing</source>
      <translation>關閉</translation>
    </message>
    <message>
      <source>Align &amp;Script…</source>
      <translation>對齊稿本(&amp;S)…</translation>
    </message>
    <message>
      <source>Convert &amp;Chinese…</source>
      <translation>簡繁轉換(&amp;C)…</translation>
    </message>
    <message>
      <source>E&amp;xport</source>
      <translation>匯出(&amp;X)</translation>
    </message>
    <message>
      <source>Video with Subtitle &amp;Tracks…</source>
      <translation>含字幕軌的影片(&amp;T)…</translation>
    </message>
    <message>
      <source>Video with &amp;Burned-in Subtitles…</source>
      <translation>內嵌（燒錄）字幕的影片(&amp;B)…</translation>
    </message>
    <message>
      <source>&amp;Translate…</source>
      <translation>翻譯(&amp;T)…</translation>
    </message>
    <message>
      <source>&amp;Proofread…</source>
      <translation>校對(&amp;P)…</translation>
    </message>
  </context>
  <context>
    <name>Message</name>
    <message>
      <source>Waiting for another recognition or alignment to finish…</source>
      <translation>正在等待另一個辨識或對齊工作完成…</translation>
    </message>
    <message>
      <source>Starting the recognition process…</source>
      <translation>正在啟動辨識程序…</translation>
    </message>
    <message>
      <source>Loading the recognition runtime…</source>
      <translation>正在載入辨識執行環境…</translation>
    </message>
    <message>
      <source>Loading the recognition model…</source>
      <translation>正在載入辨識模型…</translation>
    </message>
    <message>
      <source>Loading the aligner…</source>
      <translation>正在載入對齊模型…</translation>
    </message>
    <message>
      <source>Reading the weights of {model}…</source>
      <translation>正在讀取 {model} 的權重…</translation>
    </message>
    <message>
      <source>Moving {model} to {device}…</source>
      <translation>正在將 {model} 移至 {device}…</translation>
    </message>
    <message>
      <source>Downloading {file}…</source>
      <translation>正在下載 {file}…</translation>
    </message>
    <message>
      <source>The recognition process stopped answering and was ended; your subtitles are safe, try again</source>
      <translation>辨識程序停止回應，已被終止；您的字幕完好無損，請重試</translation>
    </message>
    <message>
      <source>The recognition process was killed (out of memory?); your subtitles are safe, try again</source>
      <translation>辨識程序被終止（記憶體不足？）；您的字幕完好無損，請重試</translation>
    </message>
    <message>
      <source>The recognition process ended (exit status {code}); your subtitles are safe, try again</source>
      <translation>辨識程序已結束（結束狀態 {code}）；您的字幕完好無損，請重試</translation>
    </message>
    <message>
      <source>Out of memory</source>
      <translation>記憶體不足</translation>
    </message>
    <message>
      <source>{detail}</source>
      <translation>{detail}</translation>
    </message>
    <message>
      <source>CUDA was requested but no CUDA GPU is available; use --device cpu</source>
      <translation>要求使用 CUDA，但沒有可用的 CUDA GPU；請使用 --device cpu</translation>
    </message>
    <message>
      <source>Apple MPS was requested but is not available; use --device cpu</source>
      <translation>要求使用 Apple MPS，但無法使用；請使用 --device cpu</translation>
    </message>
    <message>
      <source>unknown device {device!r}; use auto, cpu, cuda or mps</source>
      <translation>未知裝置 {device!r}；請使用 auto、cpu、cuda 或 mps</translation>
    </message>
    <message>
      <source>not enough GPU memory for {model}: needs about {needed} GB, {free} GB free; close other GPU programs, pick a smaller model or use the CPU</source>
      <translation>GPU 顯示記憶體不足以載入 {model}：約需 {needed} GB，可用 {free} GB；請關閉其他使用 GPU 的程式、選擇更小的模型或使用 CPU</translation>
    </message>
    <message>
      <source>not enough GPU memory to load {model}; use a smaller model or the CPU</source>
      <translation>GPU 顯示記憶體不足以載入 {model}；請使用更小的模型或 CPU</translation>
    </message>
    <message>
      <source>out of GPU memory even for one chunk at a time; use a smaller model or the CPU</source>
      <translation>即使每次只處理一個分塊，GPU 顯示記憶體仍然不足；請使用更小的模型或 CPU</translation>
    </message>
    <message>
      <source>out of GPU memory while aligning; use the CPU or a shorter window</source>
      <translation>對齊時 GPU 顯示記憶體不足；請使用 CPU 或更短的視窗</translation>
    </message>
    <message>
      <source>no forced aligner is configured</source>
      <translation>未設定強制對齊模型</translation>
    </message>
    <message>
      <source>cannot load the model in {folder}: {detail}</source>
      <translation>無法載入 {folder} 中的模型：{detail}</translation>
    </message>
    <message>
      <source>the forced aligner does not support {language}; it aligns {choices}</source>
      <translation>強制對齊模型不支援{language}；它支援：{choices}</translation>
    </message>
    <message>
      <source>the forced aligner does not support {language} (detected from the first 30 s of speech); it aligns {choices}</source>
      <translation>強制對齊模型不支援{language}（從前 30 秒語音中偵測而得）；它支援：{choices}</translation>
    </message>
    <message>
      <source>no language was detected in the first 30 s of speech; set the cues' language (Edit ▸ Set Language, or --language)</source>
      <translation>在前 30 秒語音中未偵測到語言；請設定字幕的語言（編輯 ▸ 設定語言，或 --language）</translation>
    </message>
    <message>
      <source>unsupported language {name!r}; use auto or one of: {choices}</source>
      <translation>不支援的語言 {name!r}；請使用 auto 或以下之一：{choices}</translation>
    </message>
    <message>
      <source>model folder not found: {path}</source>
      <translation>找不到模型資料夾：{path}</translation>
    </message>
    <message>
      <source>model folder {path} is missing {file}</source>
      <translation>模型資料夾 {path} 缺少 {file}</translation>
    </message>
    <message>
      <source>{file} is not a Qwen3-ASR model (model_type {type!r})</source>
      <translation>{file} 不是 Qwen3-ASR 模型（model_type {type!r}）</translation>
    </message>
    <message>
      <source>{path} is a recognition model, not a forced aligner</source>
      <translation>{path} 是辨識模型，不是強制對齊模型</translation>
    </message>
    <message>
      <source>{path} is a forced aligner, not a recognition model</source>
      <translation>{path} 是強制對齊模型，不是辨識模型</translation>
    </message>
    <message>
      <source>{file} is damaged ({reason}); delete it and download the model again</source>
      <translation>{file} 已損壞（{reason}）；請刪除後重新下載模型</translation>
    </message>
    <message>
      <source>{index} lists no weight files</source>
      <translation>{index} 未列出任何權重檔案</translation>
    </message>
    <message>
      <source>{repo} is a {actual}, not a {kind}</source>
      <translation>{repo} 是{actual}，不是{kind}</translation>
    </message>
    <message>
      <source>{repo} is not downloaded yet and downloads are off (offline)</source>
      <translation>{repo} 尚未下載，且下載已關閉（離線）</translation>
    </message>
    <message>
      <source>cannot reach the model hub for {repo}: {reason}</source>
      <translation>無法連線模型儲存庫取得 {repo}：{reason}</translation>
    </message>
    <message>
      <source>download of {repo} cancelled; it resumes next time</source>
      <translation>{repo} 的下載已取消；下次將繼續</translation>
    </message>
    <message>
      <source>download cancelled; it resumes next time</source>
      <translation>下載已取消；下次將繼續</translation>
    </message>
    <message>
      <source>download of {repo} failed at {file}: {reason}</source>
      <translation>{repo} 下載失敗，出錯檔案 {file}：{reason}</translation>
    </message>
    <message>
      <source>{repo} has no files</source>
      <translation>{repo} 沒有任何檔案</translation>
    </message>
    <message>
      <source>not enough disk space to download {repo}: needs {needed} GB, {free} GB free in {cache}; free some space or set HF_HOME to another disk</source>
      <translation>磁碟空間不足，無法下載 {repo}：需要 {needed} GB，{cache} 中可用 {free} GB；請釋放空間或將 HF_HOME 設到其他磁碟</translation>
    </message>
    <message>
      <source>{path}: no such file</source>
      <translation>{path}：檔案不存在</translation>
    </message>
    <message>
      <source>{path}: permission denied</source>
      <translation>{path}：沒有存取權限</translation>
    </message>
    <message>
      <source>{path}: {reason}</source>
      <translation>{path}：{reason}</translation>
    </message>
    <message>
      <source>{path}: is a folder, not a media file</source>
      <translation>{path}：這是資料夾，不是媒體檔案</translation>
    </message>
    <message>
      <source>{path}: not a regular file</source>
      <translation>{path}：不是一般檔案</translation>
    </message>
    <message>
      <source>{path}: empty file</source>
      <translation>{path}：檔案是空的</translation>
    </message>
    <message>
      <source>{path}: not a media file (it holds text)</source>
      <translation>{path}：不是媒體檔案（其中是文字）</translation>
    </message>
    <message>
      <source>{path}: the file is truncated or corrupt ({kind})</source>
      <translation>{path}：檔案不完整或已損壞（{kind}）</translation>
    </message>
    <message>
      <source>{path}: a subtitle file ({format}), not audio or video</source>
      <translation>{path}：這是字幕檔案（{format}），不是音訊或影片</translation>
    </message>
    <message>
      <source>{path}: no audio stream (streams: {streams})</source>
      <translation>{path}：沒有音訊串流（現有的串流：{streams}）</translation>
    </message>
    <message>
      <source>{path}: not a media file, or its data is corrupt</source>
      <translation>{path}：不是媒體檔案，或資料已損壞</translation>
    </message>
    <message>
      <source>{path}: the file ends too early (truncated)</source>
      <translation>{path}：檔案提前結束（不完整）</translation>
    </message>
    <message>
      <source>{path}: unsupported codec</source>
      <translation>{path}：不支援的編解碼器</translation>
    </message>
    <message>
      <source>{path}: reading timed out</source>
      <translation>{path}：讀取逾時</translation>
    </message>
    <message>
      <source>{path}: cannot decode ({reason})</source>
      <translation>{path}：無法解碼（{reason}）</translation>
    </message>
    <message>
      <source>{path}: the audio data is corrupt or truncated; nothing could be decoded</source>
      <translation>{path}：音訊資料已損壞或不完整，無法解碼任何內容</translation>
    </message>
    <message>
      <source>{path}: zero-length audio (the audio stream holds no samples)</source>
      <translation>{path}：音訊長度為零（音訊串流中沒有取樣）</translation>
    </message>
    <message>
      <source>{path}: the audio is too short to use ({ms} ms)</source>
      <translation>{path}：音訊太短，無法使用（{ms} 毫秒）</translation>
    </message>
    <message>
      <source>{path}: unsupported audio codec in stream {stream}</source>
      <translation>{path}：串流 {stream} 的音訊編解碼器不受支援</translation>
    </message>
    <message>
      <source>Recognising on {device}…</source>
      <translation>正在 {device} 上辨識…</translation>
    </message>
    <message>
      <source>Recognising…</source>
      <translation>正在辨識…</translation>
    </message>
    <message>
      <source>Not enough memory for the recogniser and the aligner together ({needed} MB needed, {available} MB free): recognising first, then timing the words</source>
      <translation>記憶體不足，無法同時載入辨識模型和對齊模型（需要 {needed} MB，可用 {available} MB）：先辨識，再計算逐字時間</translation>
    </message>
    <message>
      <source>The recogniser and the aligner are loaded one at a time: recognising first, then timing the words</source>
      <translation>辨識模型和對齊模型將依序載入：先辨識，再計算逐字時間</translation>
    </message>
    <message>
      <source>Timing the words…</source>
      <translation>正在計算逐字時間…</translation>
    </message>
    <message>
      <source>Recognised %n cue(s)</source>
      <translation>已辨識 %n 條字幕</translation>
    </message>
    <message>
      <source>Recognised %n cue(s) ({language})</source>
      <translation>已辨識 %n 條字幕（{language}）</translation>
    </message>
    <message>
      <source>Aligning…</source>
      <translation>正在對齊…</translation>
    </message>
    <message>
      <source>Aligning… {done} s of {total} s</source>
      <translation>正在對齊… {done} 秒 / {total} 秒</translation>
    </message>
    <message>
      <source>Detecting the language…</source>
      <translation>正在偵測語言…</translation>
    </message>
    <message>
      <source>Looking for an offset or drift…</source>
      <translation>正在尋找偏移或漂移…</translation>
    </message>
    <message>
      <source>{url!r} is not a chat server's address; give one as http://host:port or https://host</source>
      <translation>{url!r} 不是聊天伺服器的位址；請寫成 http://主機:連接埠 或 https://主機</translation>
    </message>
    <message>
      <source>cannot connect to the chat server at {url}: the connection was refused (is the server running?)</source>
      <translation>無法連線到位於 {url} 的聊天伺服器：連線被拒絕（伺服器在執行嗎？）</translation>
    </message>
    <message>
      <source>cannot reach the chat server at {url}: {reason}</source>
      <translation>無法存取位於 {url} 的聊天伺服器：{reason}</translation>
    </message>
    <message>
      <source>the chat server at {url} refused the API key (HTTP {status}); set QSS_LLM_API_KEY</source>
      <translation>位於 {url} 的聊天伺服器拒絕了 API 金鑰（HTTP {status}）；請設定 QSS_LLM_API_KEY</translation>
    </message>
    <message>
      <source>the chat server at {url} has no model {model!r}; pick one it lists</source>
      <translation>位於 {url} 的聊天伺服器沒有模型 {model!r}；請選擇它列出的模型</translation>
    </message>
    <message>
      <source>the chat server at {url} did not answer within {seconds} s</source>
      <translation>位於 {url} 的聊天伺服器在 {seconds} 秒內沒有回應</translation>
    </message>
    <message>
      <source>the chat server at {url} kept failing (HTTP {status}: {detail})</source>
      <translation>位於 {url} 的聊天伺服器一再出錯（HTTP {status}：{detail}）</translation>
    </message>
    <message>
      <source>the chat server at {url} rejected the request (HTTP {status}: {detail})</source>
      <translation>位於 {url} 的聊天伺服器拒絕了請求（HTTP {status}：{detail}）</translation>
    </message>
    <message>
      <source>the chat server at {url} points to {location}; nothing was sent there (give that address instead)</source>
      <translation>位於 {url} 的聊天伺服器指向 {location}；沒有向那裡傳送任何內容（請改用該位址）</translation>
    </message>
    <message>
      <source>the chat server at {url} sent an answer over {limit} kB, which is not a translation</source>
      <translation>位於 {url} 的聊天伺服器傳來的回答超過 {limit} kB，這不是譯文</translation>
    </message>
    <message>
      <source>the chat server at {url} gave an answer that is not a chat completion</source>
      <translation>位於 {url} 的聊天伺服器給出的回答不是聊天補全結果</translation>
    </message>
    <message>
      <source>the translation was cancelled</source>
      <translation>翻譯已取消</translation>
    </message>
    <message>
      <source>Sending the audio to {url}…</source>
      <translation>正在將音訊傳送到 {url}…</translation>
    </message>
    <message>
      <source>Recognising on the server: {done} of {total} chunks…</source>
      <translation>正在伺服器上辨識：第 {done} 塊，共 {total} 塊…</translation>
    </message>
    <message>
      <source>cannot connect to the recognition server at {url}: the connection was refused (is the server running, and is the address right?)</source>
      <translation>無法連線到 {url} 的辨識伺服器：連線被拒絕（伺服器是否在執行，位址是否正確？）</translation>
    </message>
    <message>
      <source>cannot reach the recognition server at {url}: {reason}</source>
      <translation>無法存取 {url} 的辨識伺服器：{reason}</translation>
    </message>
    <message>
      <source>the recognition server at {url} refused the API key (HTTP {status}); set QSS_SERVER_API_KEY or keep the server's key in the system keyring</source>
      <translation>{url} 的辨識伺服器拒絕了 API 金鑰（HTTP {status}）；請設定 QSS_SERVER_API_KEY，或將該伺服器的金鑰保存在系統金鑰圈中</translation>
    </message>
    <message>
      <source>the recognition server at {url} has no model {model!r}; pick one it lists</source>
      <translation>{url} 的辨識伺服器沒有模型 {model!r}；請選擇它列出的模型</translation>
    </message>
    <message>
      <source>the recognition server kept failing (HTTP {status}: {detail})</source>
      <translation>辨識伺服器一直出錯（HTTP {status}：{detail}）</translation>
    </message>
    <message>
      <source>the recognition server rejected the request (HTTP {status}: {detail})</source>
      <translation>辨識伺服器拒絕了請求（HTTP {status}：{detail}）</translation>
    </message>
    <message>
      <source>the recognition server at {url} did not answer within {seconds} s</source>
      <translation>位於 {url} 的辨識伺服器未在 {seconds} 秒內回應</translation>
    </message>
    <message>
      <source>the recognition server at {url} points to {location}; nothing was sent there (give that address instead if it is the server)</source>
      <translation>位於 {url} 的辨識伺服器指向 {location}；沒有向該處傳送任何內容（如果那才是伺服器，請改填該位址）</translation>
    </message>
    <message>
      <source>the recognition server at {url} sent an answer over {limit} kB, which is not a transcription</source>
      <translation>位於 {url} 的辨識伺服器傳回了超過 {limit} kB 的回應，這不是轉寫結果</translation>
    </message>
    <message>
      <source>the request to the recognition server was cancelled</source>
      <translation>對辨識伺服器的請求已取消</translation>
    </message>
    <message>
      <source>the recognition server at {url} dropped the connection</source>
      <translation>{url} 的辨識伺服器中斷了連線</translation>
    </message>
    <message>
      <source>the recognition server at {url} gave an answer that is not a transcription</source>
      <translation>{url} 的辨識伺服器傳回的不是轉寫結果</translation>
    </message>
    <message>
      <source>The batch queue could not be read; it starts empty (the damaged file was kept as {path})</source>
      <translation>無法讀取批次佇列，佇列將從空開始（損壞的檔案已保留為 {path}）</translation>
    </message>
    <message>
      <source>The batch queue could not be read ({reason}); it starts empty</source>
      <translation>無法讀取批次佇列（{reason}）；佇列將從空開始</translation>
    </message>
    <message>
      <source>re-timing needs the forced aligner on this machine; it cannot run on the server</source>
      <translation>重新定時需要本機上的強制對齊器，無法在伺服器上執行</translation>
    </message>
    <message>
      <source>Decoding…</source>
      <translation>正在解碼…</translation>
    </message>
    <message>
      <source>{path}: %n cue(s), language {language}</source>
      <translation>{path}：%n 條字幕，語言 {language}</translation>
    </message>
    <message>
      <source>word times estimated: the aligner does not cover this language</source>
      <translation>詞時間為估算值：對齊模型不支援此語言</translation>
    </message>
    <message>
      <source>word times estimated, without the aligner</source>
      <translation>詞時間為估計值，未使用對齊器</translation>
    </message>
    <message>
      <source>Translating into {language}: {done} of %n cue(s)</source>
      <translation>正在譯成{language}：{done} / %n 條字幕</translation>
    </message>
    <message>
      <source>{path}: %n cue(s) re-timed</source>
      <translation>{path}：已重新定時 %n 條字幕</translation>
    </message>
    <message>
      <source>%n to review (kept their old times)</source>
      <translation>%n 條待複查（保留原時間）</translation>
    </message>
    <message>
      <source>%n cue(s) moved by more than {seconds} s</source>
      <translation>%n 條字幕移動超過 {seconds} 秒</translation>
    </message>
    <message>
      <source>%n cue(s) left in place by more than {seconds} s</source>
      <translation>%n 條字幕偏移超過 {seconds} 秒，保留原位</translation>
    </message>
    <message>
      <source>style names of %n cue(s)</source>
      <translation>%n 則字幕的樣式名稱</translation>
    </message>
    <message>
      <source>speakers of %n cue(s)</source>
      <translation>%n 則字幕的說話者</translation>
    </message>
    <message>
      <source>positions of %n cue(s)</source>
      <translation>%n 則字幕的位置</translation>
    </message>
    <message>
      <source>italics and other markup in %n cue(s)</source>
      <translation>%n 則字幕中的斜體等標記</translation>
    </message>
    <message>
      <source>karaoke timing in %n cue(s)</source>
      <translation>%n 則字幕的卡拉 OK 計時</translation>
    </message>
    <message>
      <source>override tags (\pos, colours, fades...) in %n cue(s)</source>
      <translation>%n 則字幕中的覆寫標籤（\pos、顏色、淡入淡出…）</translation>
    </message>
    <message>
      <source>WebVTT cue settings of %n cue(s)</source>
      <translation>%n 則字幕的 WebVTT 字幕設定</translation>
    </message>
    <message>
      <source>the styles and script information of the file it came from</source>
      <translation>來源檔案的樣式與腳本資訊</translation>
    </message>
    <message>
      <source>word timings of %n cue(s)</source>
      <translation>%n 則字幕的逐字時間</translation>
    </message>
    <message>
      <source>{cps} characters per second (limit {limit})</source>
      <translation>每秒 {cps} 個字元（上限 {limit}）</translation>
    </message>
    <message>
      <source>text shown for no time</source>
      <translation>文字顯示時間為零</translation>
    </message>
    <message>
      <source>{wpm} words per minute (limit {limit})</source>
      <translation>每分鐘 {wpm} 個詞（上限 {limit}）</translation>
    </message>
    <message>
      <source>ends at or before its start</source>
      <translation>結束時間不晚於開始時間</translation>
    </message>
    <message>
      <source>on screen {ms} ms (minimum {limit} ms)</source>
      <translation>顯示 {ms} 毫秒（最少 {limit} 毫秒）</translation>
    </message>
    <message>
      <source>on screen {ms} ms (maximum {limit} ms)</source>
      <translation>顯示 {ms} 毫秒（最多 {limit} 毫秒）</translation>
    </message>
    <message>
      <source>{ms} ms before the next cue (minimum {limit} ms)</source>
      <translation>距下一條字幕 {ms} 毫秒（最少 {limit} 毫秒）</translation>
    </message>
    <message>
      <source>overlaps the next cue by {ms} ms</source>
      <translation>與下一條字幕重疊 {ms} 毫秒</translation>
    </message>
    <message>
      <source>starts before the cue above it</source>
      <translation>開始時間早於上一條字幕</translation>
    </message>
    <message>
      <source>a line of {length} characters (limit {limit})</source>
      <translation>一行有 {length} 個字元（上限 {limit}）</translation>
    </message>
    <message>
      <source>{lines} lines (limit {limit})</source>
      <translation>{lines} 行（上限 {limit}）</translation>
    </message>
    <message>
      <source>unbalanced lines ({top} and {bottom} characters)</source>
      <translation>行長不均衡（{top} 和 {bottom} 個字元）</translation>
    </message>
    <message>
      <source>no text</source>
      <translation>沒有文字</translation>
    </message>
    <message>
      <source>spaces at the start or end of a line</source>
      <translation>行首或行尾有空格</translation>
    </message>
    <message>
      <source>double spaces</source>
      <translation>連續空格</translation>
    </message>
    <message>
      <source>repeated word “{word}”</source>
      <translation>重複的詞“{word}”</translation>
    </message>
    <message>
      <source>unbalanced tag &lt;{tag}&gt;</source>
      <translation>標籤 &lt;{tag}&gt; 未配對</translation>
    </message>
    <message>
      <source>spaces trimmed</source>
      <translation>已刪除多餘空格</translation>
    </message>
    <message>
      <source>%n cue(s) put back in time order</source>
      <translation>%n 條字幕已按時間重新排序</translation>
    </message>
    <message>
      <source>overlap resolved</source>
      <translation>已消除重疊</translation>
    </message>
    <message>
      <source>gap set to {ms} ms</source>
      <translation>間隔設為 {ms} 毫秒</translation>
    </message>
    <message>
      <source>extended to {ms} ms</source>
      <translation>延長到 {ms} 毫秒</translation>
    </message>
    <message>
      <source>shortened to {ms} ms</source>
      <translation>縮短到 {ms} 毫秒</translation>
    </message>
    <message>
      <source>merged with the next cue</source>
      <translation>已與下一條字幕合併</translation>
    </message>
    <message>
      <source>lines broken again</source>
      <translation>已重新斷行</translation>
    </message>
    <message>
      <source>translation: spaces trimmed</source>
      <translation>譯文：已刪除多餘空格</translation>
    </message>
    <message>
      <source>translation: lines broken again</source>
      <translation>譯文：已重新斷行</translation>
    </message>
    <message>
      <source>full-width punctuation</source>
      <translation>改為全形標點</translation>
    </message>
    <message>
      <source>commas and full stops at line ends removed</source>
      <translation>已刪除行尾的逗號和句號</translation>
    </message>
    <message>
      <source>split: too long for {lines} lines</source>
      <translation>已拆分：{lines} 行放不下</translation>
    </message>
    <message>
      <source>{path}: %n change(s)</source>
      <translation>{path}：%n 處更改</translation>
    </message>
    <message>
      <source>starts %n frame(s) from a shot change</source>
      <translation>開始時間距鏡頭切換 %n 影格</translation>
    </message>
    <message>
      <source>ends %n frame(s) from a shot change</source>
      <translation>結束時間距鏡頭切換 %n 影格</translation>
    </message>
    <message>
      <source>runs across a shot change at {time}</source>
      <translation>跨越了 {time} 處的鏡頭切換</translation>
    </message>
    <message>
      <source>start moved onto the shot change</source>
      <translation>開始時間移到鏡頭切換處</translation>
    </message>
    <message>
      <source>end moved to {frames} frames before the shot change</source>
      <translation>結束時間移到鏡頭切換前 {frames} 影格</translation>
    </message>
    <message>
      <source>Simplified to Traditional</source>
      <translation>簡體轉繁體</translation>
    </message>
    <message>
      <source>Traditional to Simplified</source>
      <translation>繁體轉簡體</translation>
    </message>
    <message>
      <source>Simplified to Traditional (Taiwan characters)</source>
      <translation>簡體轉繁體（臺灣正體）</translation>
    </message>
    <message>
      <source>Traditional (Taiwan characters) to Simplified</source>
      <translation>繁體（臺灣正體）轉簡體</translation>
    </message>
    <message>
      <source>Simplified to Traditional (Taiwan, with Taiwan's words: 软件 → 軟體)</source>
      <translation>簡體轉繁體（臺灣正體，並轉換為臺灣用詞：软件 → 軟體）</translation>
    </message>
    <message>
      <source>Traditional (Taiwan, with Taiwan's words) to Simplified (mainland words: 軟體 → 软件)</source>
      <translation>繁體（臺灣正體及用詞）轉簡體（並轉換為大陸用詞：軟體 → 软件）</translation>
    </message>
    <message>
      <source>Simplified to Traditional (Hong Kong characters)</source>
      <translation>簡體轉繁體（香港繁體）</translation>
    </message>
    <message>
      <source>Traditional (Hong Kong characters) to Simplified</source>
      <translation>繁體（香港繁體）轉簡體</translation>
    </message>
    <message>
      <source>Traditional to Taiwan characters</source>
      <translation>繁體轉臺灣正體</translation>
    </message>
    <message>
      <source>Taiwan characters to Traditional</source>
      <translation>臺灣正體轉繁體</translation>
    </message>
    <message>
      <source>Traditional to Hong Kong characters</source>
      <translation>繁體轉香港繁體</translation>
    </message>
    <message>
      <source>Hong Kong characters to Traditional</source>
      <translation>香港繁體轉繁體</translation>
    </message>
    <message>
      <source>Traditional to Japanese Shinjitai</source>
      <translation>繁體轉日本新字體</translation>
    </message>
    <message>
      <source>Japanese Shinjitai to Traditional</source>
      <translation>日本新字體轉繁體</translation>
    </message>
    <message>
      <source>unknown Chinese conversion {name!r}; use one of: {choices}</source>
      <translation>未知的簡繁轉換 {name!r}；請使用以下之一：{choices}</translation>
    </message>
    <message>
      <source>Chinese conversion needs the opencc package (pip install opencc)</source>
      <translation>簡繁轉換需要 opencc 套件（pip install opencc）</translation>
    </message>
    <message>
      <source>the forced aligner cannot align {language}; it knows {known}</source>
      <translation>強制對齊器無法對齊{language}；它支援的語言有：{known}</translation>
    </message>
    <message>
      <source>the script's language could not be told from its text; give it (the aligner knows {known})</source>
      <translation>無法從文字判斷稿本的語言；請指定語言（對齊器支援：{known}）</translation>
    </message>
    <message>
      <source>{path}: no words to align (the script is empty)</source>
      <translation>{path}：沒有可對齊的文字（稿本為空）</translation>
    </message>
    <message>
      <source>Aligning the script: {done} of {total} s…</source>
      <translation>正在對齊稿本：{done} / {total} 秒…</translation>
    </message>
    <message>
      <source>{path}: %n cue(s) from the script, language {language}</source>
      <translation>{path}：由稿本產生 %n 條字幕，語言 {language}</translation>
    </message>
    <message>
      <source>{path}: no video stream; subtitles are burned into a picture</source>
      <translation>{path}：沒有影片串流；字幕只能燒錄到畫面中</translation>
    </message>
    <message>
      <source>{path}: no frame of the video could be decoded</source>
      <translation>{path}：影片的任何一個影格都無法解碼</translation>
    </message>
    <message>
      <source>this PyAV has no {encoder} encoder; install PyAV's own wheel (pip install av)</source>
      <translation>此 PyAV 沒有 {encoder} 編碼器；請安裝 PyAV 官方的 wheel 套件（pip install av）</translation>
    </message>
    <message>
      <source>--crf {crf}: give a quality from 0 (lossless) to 51 (smallest); 18-23 look good</source>
      <translation>--crf {crf}：請給出 0（無損）到 51（最小）之間的畫質；18-23 效果良好</translation>
    </message>
    <message>
      <source>{path}: burned videos are written as MP4; name the output .mp4</source>
      <translation>{path}：燒錄字幕的影片以 MP4 寫出；請將輸出命名為 .mp4</translation>
    </message>
    <message>
      <source>{name}: no cues to burn in</source>
      <translation>{name}：沒有可燒錄的字幕</translation>
    </message>
    <message>
      <source>{path}: cannot write a {ext} video; use .mkv, .mp4, .mov or .webm</source>
      <translation>{path}：無法寫入 {ext} 影片；請用 .mkv、.mp4、.mov 或 .webm</translation>
    </message>
    <message>
      <source>{path}: this container cannot hold {codec} subtitles</source>
      <translation>{path}：此容器無法容納 {codec} 字幕</translation>
    </message>
    <message>
      <source>{path}: the output would replace the video it is made from; choose another name</source>
      <translation>{path}：輸出會覆蓋其來源影片；請換一個檔名</translation>
    </message>
    <message>
      <source>{path}: no video stream; subtitle tracks go into a video</source>
      <translation>{path}：沒有視訊串流；字幕軌只能放入影片</translation>
    </message>
    <message>
      <source>{path}: this container cannot hold stream {stream} ({codec}) without re-encoding; use .mkv</source>
      <translation>{path}：此容器不重新編碼就無法容納串流 {stream}（{codec}）；請用 .mkv</translation>
    </message>
    <message>
      <source>{path}: cancelled; nothing was written</source>
      <translation>{path}：已取消；未寫入任何內容</translation>
    </message>
    <message>
      <source>{path}: the disk is full ({free} MB free); nothing was written</source>
      <translation>{path}：磁碟已滿（剩餘 {free} MB）；未寫入任何內容</translation>
    </message>
    <message>
      <source>{name}: no cues to put in a track</source>
      <translation>{name}：沒有可放入字幕軌的字幕</translation>
    </message>
    <message>
      <source>unknown language {code!r}; give a code such as en, zh, ja or eng</source>
      <translation>未知語言 {code!r}；請給出 en、zh、ja 或 eng 這樣的代碼</translation>
    </message>
    <message>
      <source>{count} {option} for {tracks} subtitle file(s)</source>
      <translation>{count} 個 {option}，但只有 {tracks} 個字幕檔</translation>
    </message>
    <message>
      <source>--default {number}: there are {tracks} new track(s)</source>
      <translation>--default {number}：新字幕軌只有 {tracks} 條</translation>
    </message>
  </context>
  <context>
    <name>PictureController</name>
    <message>
      <source>Picture</source>
      <translation>畫面</translation>
    </message>
    <message>
      <source>&amp;Spectrogram</source>
      <translation>頻譜圖(&amp;S)</translation>
    </message>
    <message>
      <source>Time as &amp;Frames (HH:MM:SS:FF)</source>
      <translation>以影格顯示時間(&amp;F)（HH:MM:SS:FF）</translation>
    </message>
    <message>
      <source>Show &amp;Translation on Picture</source>
      <translation>在畫面上顯示譯文(&amp;T)</translation>
    </message>
    <message>
      <source>Previous &amp;Frame</source>
      <translation>上一格(&amp;F)</translation>
    </message>
    <message>
      <source>Next F&amp;rame</source>
      <translation>下一格(&amp;R)</translation>
    </message>
    <message>
      <source>Snap to S&amp;hot Changes</source>
      <translation>吸附到鏡頭切換(&amp;H)</translation>
    </message>
    <message>
      <source>Snap Cue Times to Fra&amp;mes</source>
      <translation>字幕時間對齊到影格(&amp;M)</translation>
    </message>
    <message>
      <source>Finding shot changes</source>
      <translation>正在尋找鏡頭切換</translation>
    </message>
    <message>
      <source>Reading frame times</source>
      <translation>正在讀取影格時間</translation>
    </message>
    <message>
      <source>Shot changes</source>
      <translation>鏡頭切換</translation>
    </message>
    <message>
      <source>Shot changes could not be found: {reason}</source>
      <translation>無法尋找鏡頭切換：{reason}</translation>
    </message>
    <message numerus="yes">
      <source>%n shot change(s) found</source>
      <translation>
        <numerusform>找到 %n 個鏡頭切換</numerusform>
      </translation>
    </message>
    <message>
      <source>This video cannot be played here ({reason}). The waveform, cues and shot changes still work.</source>
      <translation>此影片無法在這裡播放（{reason}）。波形、字幕和鏡頭切換仍然可用。</translation>
    </message>
    <message>
      <source>no video decoder for this stream</source>
      <translation>沒有此視訊串流的解碼器</translation>
    </message>
  </context>
  <context>
    <name>Player</name>
    <message>
      <source>No audio output device was found: playback is silent</source>
      <translation>未找到音訊輸出裝置：播放時沒有聲音</translation>
    </message>
    <message>
      <source>no audio output</source>
      <translation>沒有音訊輸出</translation>
    </message>
    <message>
      <source>Playback: {reason}</source>
      <translation>播放：{reason}</translation>
    </message>
  </context>
  <context>
    <name>Preferences</name>
    <message>
      <source>&amp;Language</source>
      <translation>語言(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Theme</source>
      <translation>主題(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Keyboard Shortcuts…</source>
      <translation>鍵盤快捷鍵(&amp;K)…</translation>
    </message>
    <message>
      <source>No Chinese font is installed, so the window is in English. Install one (Debian and Ubuntu: fonts-noto-cjk) and start again.</source>
      <translation>未安裝中文字型，因此視窗以英文顯示。請安裝中文字型（Debian 和 Ubuntu：fonts-noto-cjk）後重新啟動。</translation>
    </message>
    <message>
      <source>System Language</source>
      <translation>系統語言</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>語言</translation>
    </message>
    <message>
      <source>The new language is used from the next start of the app.</source>
      <translation>新語言將在下次啟動程式時生效。</translation>
    </message>
    <message>
      <source>Follow the &amp;System</source>
      <translation>跟隨系統(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Light</source>
      <translation>淺色(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Dark</source>
      <translation>深色(&amp;D)</translation>
    </message>
  </context>
  <context>
    <name>Proofread</name>
    <message>
      <source>Proofread</source>
      <translation>校對</translation>
    </message>
    <message>
      <source>There are no unlocked cues to proofread.</source>
      <translation>沒有可校對的未鎖定字幕。</translation>
    </message>
    <message>
      <source>Proofreading</source>
      <translation>正在校對</translation>
    </message>
    <message>
      <source>%n cue(s) corrected and marked edited (Re-align Edited Cues re-times [it|them]).</source>
      <translation>已更正 %n 條字幕並標記為已編輯（「重新對齊已編輯的字幕」會重新計時）。</translation>
    </message>
    <message>
      <source>The model found nothing to correct.</source>
      <translation>模型沒有發現需要更正的內容。</translation>
    </message>
  </context>
  <context>
    <name>ProofreadDialog</name>
    <message>
      <source>Proofread</source>
      <translation>校對</translation>
    </message>
    <message>
      <source>The model corrects what speech recognition misheard: words that sound alike, names (give them in the context or the glossary), punctuation. You review each correction before it is applied; locked cues are left out.</source>
      <translation>模型會更正語音辨識聽錯的內容：同音或近音字詞、人名（請在「背景」或術語表中提供）、標點。每處更正在套用前都由您審閱；鎖定的字幕不會被校對。</translation>
    </message>
    <message>
      <source>A text file of names and terms, one a line (optional)</source>
      <translation>人名和術語的文字檔，每行一個（可選）</translation>
    </message>
  </context>
  <context>
    <name>ProofreadReviewDialog</name>
    <message>
      <source>Review corrections</source>
      <translation>審閱更正</translation>
    </message>
    <message numerus="yes">
      <source>The model proposes %n correction(s).</source>
      <translation>
        <numerusform>模型建議了 %n 處更正。</numerusform>
      </translation>
    </message>
    <message>
      <source>Untick what should stay as it is. The cues changed are marked edited, so Re-align Edited Cues re-times them.</source>
      <translation>取消勾選應保持原樣的項目。被更改的字幕會標記為已編輯，「重新對齊已編輯的字幕」會為它們重新計時。</translation>
    </message>
    <message numerus="yes">
      <source>%n correction(s) that [changes|change] much of a line [is|are] left unticked.</source>
      <translation>
        <numerusform>%n 處改動較大的更正預設未勾選。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n cue(s) got no usable answer and [stays as it is|stay as they are].</source>
      <translation>
        <numerusform>%n 條字幕沒有得到可用的回答，保持原樣。</numerusform>
      </translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>套用</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>更正前</translation>
    </message>
    <message>
      <source>After</source>
      <translation>更正後</translation>
    </message>
    <message>
      <source>This correction changes much of the line: check it before applying.</source>
      <translation>此更正改動了這一行的大部分內容：套用前請檢查。</translation>
    </message>
    <message>
      <source>Tick All</source>
      <translation>全部勾選</translation>
    </message>
    <message>
      <source>Untick All</source>
      <translation>全部取消勾選</translation>
    </message>
  </context>
  <context>
    <name>Quality</name>
    <message>
      <source>Netflix (each language's guide)</source>
      <translation>Netflix（依各語言規範）</translation>
    </message>
    <message>
      <source>Netflix, children's programmes</source>
      <translation>Netflix（兒童節目）</translation>
    </message>
    <message>
      <source>Netflix (20 CPS in every language)</source>
      <translation>Netflix（所有語言每秒 20 字）</translation>
    </message>
    <message>
      <source>BBC (words per minute)</source>
      <translation>BBC（每分鐘詞數）</translation>
    </message>
    <message>
      <source>Custom</source>
      <translation>自訂</translation>
    </message>
    <message>
      <source>Choose quality profile</source>
      <translation>選擇品質規範</translation>
    </message>
  </context>
  <context>
    <name>Realign</name>
    <message>
      <source>Re-align</source>
      <translation>重新對齊</translation>
    </message>
    <message>
      <source>Select the cues to re-align first.</source>
      <translation>請先選擇要重新對齊的字幕。</translation>
    </message>
    <message>
      <source>No cue's text has changed since it was timed.</source>
      <translation>定時之後沒有任何字幕的文字被修改。</translation>
    </message>
    <message>
      <source>Import the subtitles (File ▸ Import Subtitles) first.</source>
      <translation>請先匯入字幕（檔案 ▸ 匯入字幕）。</translation>
    </message>
    <message>
      <source>Open the video or audio file first.</source>
      <translation>請先開啟影片或音訊檔案。</translation>
    </message>
    <message>
      <source>Detect from the audio</source>
      <translation>從音訊偵測</translation>
    </message>
    <message>
      <source>Language of the subtitles:</source>
      <translation>字幕的語言：</translation>
    </message>
    <message>
      <source>The subtitles look like {language}, which the forced aligner does not cover.
Language of the subtitles:</source>
      <translation>字幕看起來是{language}，強制對齊器不支援該語言。
字幕的語言：</translation>
    </message>
    <message>
      <source>Align whole file</source>
      <translation>對齊整個檔案</translation>
    </message>
    <message>
      <source>Aligning the whole file…</source>
      <translation>正在對齊整個檔案…</translation>
    </message>
    <message>
      <source>Re-aligning…</source>
      <translation>正在重新對齊…</translation>
    </message>
    <message>
      <source>The subtitles changed while aligning; nothing was applied.</source>
      <translation>對齊期間字幕已變更；未套用任何變更。</translation>
    </message>
    <message>
      <source>Re-alignment discarded</source>
      <translation>已放棄重新對齊</translation>
    </message>
    <message>
      <source>Re-aligned: %n cue(s) moved</source>
      <translation>已重新對齊：移動了 %n 條字幕</translation>
    </message>
    <message>
      <source>, %n large move(s) rejected</source>
      <translation>，拒絕了 %n 處大幅移動</translation>
    </message>
    <message>
      <source>, %n marked for review (the aligner could not place them)</source>
      <translation>，%n 條標記為待檢查（對齊器無法定位）</translation>
    </message>
  </context>
  <context>
    <name>Recognition</name>
    <message>
      <source>Recognize speech</source>
      <translation>語音辨識</translation>
    </message>
    <message>
      <source>Open a video or audio file first.</source>
      <translation>請先開啟影片或音訊檔案。</translation>
    </message>
    <message>
      <source>This is already running; cancel it first or wait for it to finish.</source>
      <translation>此任務已在執行；請先取消或等待其完成。</translation>
    </message>
    <message>
      <source>Replace the %n cue(s) you have with the recognised ones? (Undo brings them back.)</source>
      <translation>用辨識結果取代現有的 %n 條字幕嗎？（復原可還原。）</translation>
    </message>
    <message>
      <source>Recognised %n cue(s)</source>
      <translation>已辨識 %n 條字幕</translation>
    </message>
    <message>
      <source>Recognising speech…</source>
      <translation>正在辨識語音…</translation>
    </message>
  </context>
  <context>
    <name>RecognitionDialog</name>
    <message>
      <source>None (estimate word times)</source>
      <translation>無（估算詞時間）</translation>
    </message>
    <message>
      <source>Recognize speech</source>
      <translation>語音辨識</translation>
    </message>
    <message>
      <source>Detect automatically</source>
      <translation>自動偵測</translation>
    </message>
    <message>
      <source>Automatic (GPU when there is one)</source>
      <translation>自動（有 GPU 時使用 GPU）</translation>
    </message>
    <message>
      <source>CPU</source>
      <translation>CPU</translation>
    </message>
    <message>
      <source>CUDA GPU</source>
      <translation>CUDA GPU</translation>
    </message>
    <message>
      <source>Apple GPU (MPS)</source>
      <translation>Apple GPU（MPS）</translation>
    </message>
    <message>
      <source>Automatic (16-bit where the processor supports it)</source>
      <translation>自動（處理器支援時使用 16 位元）</translation>
    </message>
    <message>
      <source>Full (32-bit)</source>
      <translation>完整（32 位元）</translation>
    </message>
    <message>
      <source>Half (16-bit bf16)</source>
      <translation>半精度（16 位元 bf16）</translation>
    </message>
    <message>
      <source>Fastest (8-bit, less accurate)</source>
      <translation>最快（8 位元，準確度較低）</translation>
    </message>
    <message>
      <source>How the models compute on the CPU. Automatic uses 16-bit bf16, the format the models are published in, when the processor has bf16 instructions (Intel Xeon 4th generation and later, AMD Zen 4 and later): half the memory of 32-bit and faster. 8-bit is the fastest and smallest but can recognise words less accurately. A GPU always computes in bf16.</source>
      <translation>模型在 CPU 上的運算精度。「自動」在處理器具備 bf16 指令時（Intel 第四代 Xeon 及更新型號、AMD Zen 4 及更新型號）使用 16 位元 bf16，即模型發布時的格式：記憶體只需 32 位元的一半，而且更快。8 位元最快、最省記憶體，但辨識的字詞可能不夠準確。GPU 一律以 bf16 運算。</translation>
    </message>
    <message>
      <source>Names and terms that appear in the audio (optional)</source>
      <translation>音訊中出現的人名和術語（可選）</translation>
    </message>
    <message>
      <source>Empty: this computer; or a server, e.g. http://gpu-box:8000</source>
      <translation>留空：本機；或伺服器，例如 http://gpu-box:8000</translation>
    </message>
    <message>
      <source>An OpenAI-compatible server running Qwen3-ASR (vllm serve Qwen/Qwen3-ASR-1.7B). Its API key comes from the QSS_SERVER_API_KEY environment variable or the system keyring; word times come from the aligner on this computer, or are estimated.</source>
      <translation>執行 Qwen3-ASR 的 OpenAI 相容伺服器（vllm serve Qwen/Qwen3-ASR-1.7B）。其 API 金鑰取自環境變數 QSS_SERVER_API_KEY 或系統金鑰圈；詞時間由本機上的對齊器提供，或為估算值。</translation>
    </message>
    <message>
      <source>Test connection</source>
      <translation>測試連線</translation>
    </message>
    <message>
      <source>Model:</source>
      <translation>模型：</translation>
    </message>
    <message>
      <source>Word timing:</source>
      <translation>詞級定時：</translation>
    </message>
    <message>
      <source>Language:</source>
      <translation>語言：</translation>
    </message>
    <message>
      <source>Device:</source>
      <translation>裝置：</translation>
    </message>
    <message>
      <source>Precision:</source>
      <translation>精度：</translation>
    </message>
    <message>
      <source>Context:</source>
      <translation>上下文：</translation>
    </message>
    <message>
      <source>Server:</source>
      <translation>伺服器：</translation>
    </message>
    <message>
      <source>Server model:</source>
      <translation>伺服器模型：</translation>
    </message>
    <message>
      <source>API key:</source>
      <translation>API 金鑰：</translation>
    </message>
    <message>
      <source>Recognize</source>
      <translation>辨識</translation>
    </message>
    <message>
      <source>Folder…</source>
      <translation>資料夾…</translation>
    </message>
    <message>
      <source>Use a model downloaded to a folder</source>
      <translation>使用已下載到資料夾中的模型</translation>
    </message>
    <message>
      <source>Model folder</source>
      <translation>模型資料夾</translation>
    </message>
    <message>
      <source>Give the server's address first.</source>
      <translation>請先填寫伺服器位址。</translation>
    </message>
    <message>
      <source>Connecting…</source>
      <translation>正在連線…</translation>
    </message>
    <message>
      <source>Connected. Models: {models}</source>
      <translation>已連線。模型：{models}</translation>
    </message>
  </context>
  <context>
    <name>ReviewDialog</name>
    <message>
      <source>Review large moves</source>
      <translation>檢查大幅移動</translation>
    </message>
    <message numerus="yes">
      <source>%n cue(s) would move by more than {seconds} s.</source>
      <translation>
        <numerusform>%n 條字幕的移動將超過 {seconds} 秒。</numerusform>
      </translation>
    </message>
    <message>
      <source>Tick the moves to apply; the others keep their times.</source>
      <translation>勾選要套用的移動；其餘字幕保留原時間。</translation>
    </message>
    <message>
      <source>Times below are after removing the {drift}.</source>
      <translation>下方時間為去除{drift}之後的時間。</translation>
    </message>
    <message numerus="yes">
      <source>Applied in any case: %n smaller move(s)</source>
      <translation>
        <numerusform>無論如何都會套用：%n 處較小的移動</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>; %n cue(s) the aligner could not place [keeps its time and is|keep their times and are] marked for review.</source>
      <translation>
        <numerusform>；對齊器無法定位的 %n 條字幕保留原時間，並標記為待檢查。</numerusform>
      </translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>套用</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>文字</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>目前</translation>
    </message>
    <message>
      <source>Aligned</source>
      <translation>對齊後</translation>
    </message>
    <message>
      <source>Move</source>
      <translation>移動</translation>
    </message>
    <message>
      <source>Approve All</source>
      <translation>全部批准</translation>
    </message>
    <message>
      <source>Reject All</source>
      <translation>全部拒絕</translation>
    </message>
  </context>
  <context>
    <name>SaveGuard</name>
    <message>
      <source>Overlapping cues</source>
      <translation>字幕重疊</translation>
    </message>
    <message>
      <source>%n cue(s) [overlaps|overlap] the next one.</source>
      <translation>%n 條字幕與下一條重疊。</translation>
    </message>
    <message>
      <source>%n cue(s) [starts|start] before the cue above [it|them].</source>
      <translation>%n 條字幕的開始時間早於上一條。</translation>
    </message>
    <message>
      <source>Players may show them wrongly or leave them out. Save anyway?</source>
      <translation>播放器可能顯示錯誤或略去它們。仍然儲存嗎？</translation>
    </message>
    <message>
      <source>&amp;Review</source>
      <translation>檢視(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Save Anyway</source>
      <translation>仍然儲存(&amp;S)</translation>
    </message>
  </context>
  <context>
    <name>ShortcutDialog</name>
    <message>
      <source>Keyboard Shortcuts</source>
      <translation>鍵盤快捷鍵</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Shortcut</source>
      <translation>快捷鍵</translation>
    </message>
    <message>
      <source>&amp;Clear</source>
      <translation>清除(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Reset to Preset</source>
      <translation>恢復為預設集(&amp;R)</translation>
    </message>
    <message>
      <source>Preset:</source>
      <translation>預設集：</translation>
    </message>
    <message>
      <source>Shortcut for the selected action:</source>
      <translation>所選操作的快捷鍵：</translation>
    </message>
    <message>
      <source>{key} is bound to both {first} and {second}</source>
      <translation>{key} 同時繫結到了「{first}」和「{second}」</translation>
    </message>
  </context>
  <context>
    <name>Shortcuts</name>
    <message>
      <source>Qwen Subtitle Studio</source>
      <translation>Qwen Subtitle Studio</translation>
    </message>
    <message>
      <source>Subtitle Edit</source>
      <translation>Subtitle Edit</translation>
    </message>
    <message>
      <source>Aegisub</source>
      <translation>Aegisub</translation>
    </message>
  </context>
  <context>
    <name>SpectrogramMode</name>
    <message>
      <source>Computing the spectrogram</source>
      <translation>正在計算頻譜圖</translation>
    </message>
    <message>
      <source>Spectrogram</source>
      <translation>頻譜圖</translation>
    </message>
  </context>
  <context>
    <name>Spelling</name>
    <message>
      <source>Add “{word}” to the word list</source>
      <translation>將「{word}」加入詞彙表</translation>
    </message>
    <message>
      <source>No Suggestions</source>
      <translation>沒有建議</translation>
    </message>
    <message>
      <source>Add to Project Word List</source>
      <translation>加入專案詞彙表</translation>
    </message>
    <message>
      <source>Ignore</source>
      <translation>忽略</translation>
    </message>
    <message>
      <source>Not in the dictionary: {words}</source>
      <translation>不在字典中：{words}</translation>
    </message>
    <message>
      <source>Check &amp;Spelling</source>
      <translation>檢查拼字(&amp;S)</translation>
    </message>
    <message>
      <source>Basque</source>
      <translation>巴斯克語</translation>
    </message>
    <message>
      <source>Latvian</source>
      <translation>拉脫維亞語</translation>
    </message>
    <message>
      <source>Spelling &amp;Language</source>
      <translation>拼寫語言(&amp;L)</translation>
    </message>
    <message>
      <source>Automatic (Each Cue's Language)</source>
      <translation>自動（依每條字幕的語言）</translation>
    </message>
    <message>
      <source>English: American Spelling</source>
      <translation>英語：美式拼寫</translation>
    </message>
    <message>
      <source>English: British Spelling</source>
      <translation>英語：英式拼寫</translation>
    </message>
  </context>
  <context>
    <name>StatusPanel</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Stop the running work</source>
      <translation>停止正在進行的工作</translation>
    </message>
    <message>
      <source>Tasks…</source>
      <translation>任務…</translation>
    </message>
    <message>
      <source>Every running task, each with its progress and Cancel</source>
      <translation>所有正在執行的任務，以及各自的進度和取消按鈕</translation>
    </message>
    <message numerus="yes">
      <source>%n task(s) running</source>
      <translation>
        <numerusform>%n 個任務正在執行</numerusform>
      </translation>
    </message>
    <message>
      <source>{title}: cancelled</source>
      <translation>{title}：已取消</translation>
    </message>
    <message>
      <source>Device: {device}</source>
      <translation>裝置：{device}</translation>
    </message>
    <message>
      <source>Model: loading {model}…</source>
      <translation>模型：正在載入 {model}…</translation>
    </message>
    <message>
      <source>Model: {model} · aligner {aligner}</source>
      <translation>模型：{model} · 對齊模型 {aligner}</translation>
    </message>
    <message>
      <source>Model: {model}</source>
      <translation>模型：{model}</translation>
    </message>
    <message>
      <source>Aligner: {aligner}</source>
      <translation>對齊模型：{aligner}</translation>
    </message>
    <message>
      <source>Model: not loaded</source>
      <translation>模型：未載入</translation>
    </message>
    <message>
      <source>Memory: {gb:.2f} GB</source>
      <translation>記憶體：{gb:.2f} GB</translation>
    </message>
    <message>
      <source> · engine {gb:.2f} GB</source>
      <translation> · 引擎 {gb:.2f} GB</translation>
    </message>
  </context>
  <context>
    <name>StyleDialog</name>
    <message>
      <source>Subtitle Style</source>
      <translation>字幕樣式</translation>
    </message>
    <message>
      <source>&amp;Bold</source>
      <translation>粗體(&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Italic</source>
      <translation>斜體(&amp;I)</translation>
    </message>
    <message>
      <source>&amp;Font:</source>
      <translation>字型(&amp;F)：</translation>
    </message>
    <message>
      <source>Text Colour</source>
      <translation>文字顏色</translation>
    </message>
    <message>
      <source>Outline Colour</source>
      <translation>外框顏色</translation>
    </message>
    <message>
      <source>Shadow Colour</source>
      <translation>陰影顏色</translation>
    </message>
    <message>
      <source>&amp;Size (of the picture's height):</source>
      <translation>字級（佔畫面高度）(&amp;S)：</translation>
    </message>
    <message>
      <source>Text colour:</source>
      <translation>文字顏色：</translation>
    </message>
    <message>
      <source>&amp;Outline (of the text size):</source>
      <translation>外框（佔字級）(&amp;O)：</translation>
    </message>
    <message>
      <source>S&amp;hadow (of the picture's height):</source>
      <translation>陰影（佔畫面高度）(&amp;H)：</translation>
    </message>
    <message>
      <source>&amp;Left and right margins (of the width):</source>
      <translation>左右邊距（佔畫面寬度）(&amp;L)：</translation>
    </message>
    <message>
      <source>&amp;Vertical margin (of the height):</source>
      <translation>垂直邊距（佔畫面高度）(&amp;V)：</translation>
    </message>
    <message>
      <source>Top left</source>
      <translation>左上</translation>
    </message>
    <message>
      <source>Top centre</source>
      <translation>頂部置中</translation>
    </message>
    <message>
      <source>Top right</source>
      <translation>右上</translation>
    </message>
    <message>
      <source>Middle left</source>
      <translation>左側置中</translation>
    </message>
    <message>
      <source>Middle</source>
      <translation>正中</translation>
    </message>
    <message>
      <source>Middle right</source>
      <translation>右側置中</translation>
    </message>
    <message>
      <source>Bottom left</source>
      <translation>左下</translation>
    </message>
    <message>
      <source>Bottom centre</source>
      <translation>底部置中</translation>
    </message>
    <message>
      <source>Bottom right</source>
      <translation>右下</translation>
    </message>
    <message>
      <source>&amp;Position:</source>
      <translation>位置(&amp;P)：</translation>
    </message>
    <message>
      <source>&amp;Translation size (of the text):</source>
      <translation>譯文字級（佔原文字級）(&amp;T)：</translation>
    </message>
  </context>
  <context>
    <name>StyleFeature</name>
    <message>
      <source>Subtitle &amp;Style…</source>
      <translation>字幕樣式(&amp;S)…</translation>
    </message>
    <message>
      <source>Subtitles look like this</source>
      <translation>字幕看起來是這樣</translation>
    </message>
    <message>
      <source>Subtitle style</source>
      <translation>字幕樣式</translation>
    </message>
  </context>
  <context>
    <name>SubtitleIO</name>
    <message>
      <source>{label} ({patterns})</source>
      <translation>{label} ({patterns})</translation>
    </message>
    <message>
      <source>All subtitle files ({patterns})</source>
      <translation>所有字幕檔 ({patterns})</translation>
    </message>
    <message>
      <source>All files ({patterns})</source>
      <translation>所有檔案 ({patterns})</translation>
    </message>
    <message>
      <source>Export As</source>
      <translation>匯出為</translation>
    </message>
    <message>
      <source>Word timing (karaoke)</source>
      <translation>逐詞時間（卡拉 OK）</translation>
    </message>
    <message>
      <source>No conversion</source>
      <translation>不轉換</translation>
    </message>
    <message>
      <source>Chinese script:</source>
      <translation>中文字形：</translation>
    </message>
    <message>
      <source>{format} files always hold each word's time</source>
      <translation>{format} 檔案總是包含每個詞的時間</translation>
    </message>
    <message>
      <source>ASS: a karaoke tag before each word; WebVTT: a timestamp before each word</source>
      <translation>ASS：每個詞前加卡拉 OK 標記；WebVTT：每個詞前加時間戳記</translation>
    </message>
    <message>
      <source>{format} files cannot hold word times</source>
      <translation>{format} 檔案無法包含逐詞時間</translation>
    </message>
    <message>
      <source>Frame rate</source>
      <translation>影格率</translation>
    </message>
    <message>
      <source>{name} counts frames. Frame rate of its video:</source>
      <translation>{name} 以影格計時。其影片的影格率：</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>語言</translation>
    </message>
    <message>
      <source>This file holds captions in several languages. Read:</source>
      <translation>此檔案包含多種語言的字幕。讀取：</translation>
    </message>
    <message>
      <source>{path}: cannot be written ({reason})</source>
      <translation>{path}：無法寫入（{reason}）</translation>
    </message>
    <message numerus="yes">
      <source>Exported %n cue(s) to {path}</source>
      <translation>
        <numerusform>已匯出 %n 則字幕到 {path}</numerusform>
      </translation>
    </message>
    <message>
      <source>{format} does not keep everything these subtitles have. Left out:</source>
      <translation>{format} 無法保留這些字幕的全部內容。已省略：</translation>
    </message>
  </context>
  <context>
    <name>TaskDock</name>
    <message>
      <source>Tasks</source>
      <translation>任務</translation>
    </message>
  </context>
  <context>
    <name>TaskList</name>
    <message>
      <source>Nothing is running.</source>
      <translation>沒有正在執行的任務。</translation>
    </message>
  </context>
  <context>
    <name>TaskManager</name>
    <message>
      <source>This is already running; cancel it first or wait for it to finish.</source>
      <translation>此任務已在執行；請先取消或等待其完成。</translation>
    </message>
  </context>
  <context>
    <name>TaskRow</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Stop this task</source>
      <translation>停止此任務</translation>
    </message>
  </context>
  <context>
    <name>Tasks</name>
    <message>
      <source>{h} h {min:02d} min</source>
      <translation>{h} 小時 {min:02d} 分</translation>
    </message>
    <message>
      <source>{min} min {s:02d} s</source>
      <translation>{min} 分 {s:02d} 秒</translation>
    </message>
    <message>
      <source>{s} s</source>
      <translation>{s} 秒</translation>
    </message>
    <message>
      <source>{percent} — {time} left</source>
      <translation>{percent} — 剩餘 {time}</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
  </context>
  <context>
    <name>TrackPicker</name>
    <message>
      <source>Import Subtitle Track</source>
      <translation>匯入字幕軌</translation>
    </message>
    <message>
      <source>{name} has subtitle tracks. Import one to work on it?</source>
      <translation>{name} 帶有字幕軌。要匯入一個來編輯嗎？</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>匯入</translation>
    </message>
    <message>
      <source>Not Now</source>
      <translation>暫不</translation>
    </message>
    <message>
      <source>Track {number}</source>
      <translation>字幕軌 {number}</translation>
    </message>
    <message>
      <source>(default)</source>
      <translation>（預設）</translation>
    </message>
    <message>
      <source>— pictures of text: needs OCR, cannot be imported</source>
      <translation>— 文字圖像：需要 OCR，無法匯入</translation>
    </message>
  </context>
  <context>
    <name>TranslateDialog</name>
    <message>
      <source>Translate</source>
      <translation>翻譯</translation>
    </message>
    <message>
      <source>List Models</source>
      <translation>列出模型</translation>
    </message>
    <message>
      <source>What the video is about: names, subject, tone</source>
      <translation>影片的內容：人名、主題、語氣</translation>
    </message>
    <message>
      <source>A text file, 'term = translation' a line (optional)</source>
      <translation>文字檔，每行一條「術語 = 譯法」（選用）</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>瀏覽…</translation>
    </message>
    <message>
      <source>Only cues without a translation (resume)</source>
      <translation>只翻譯尚無譯文的字幕（續譯）</translation>
    </message>
    <message>
      <source>The API key is read from the QSS_LLM_API_KEY environment variable or the system keyring; one typed here serves until you quit, unless you save it in the keyring. It is never stored in a file. Local servers need none.</source>
      <translation>API 金鑰從環境變數 QSS_LLM_API_KEY 或系統金鑰圈讀取；在此輸入的金鑰在結束程式前有效，除非將其儲存到金鑰圈。金鑰絕不寫入檔案。本機伺服器不需要金鑰。</translation>
    </message>
    <message>
      <source>Server:</source>
      <translation>伺服器：</translation>
    </message>
    <message>
      <source>API key:</source>
      <translation>API 金鑰：</translation>
    </message>
    <message>
      <source>Model:</source>
      <translation>模型：</translation>
    </message>
    <message>
      <source>Translate into:</source>
      <translation>譯成：</translation>
    </message>
    <message>
      <source>Context:</source>
      <translation>背景：</translation>
    </message>
    <message>
      <source>Glossary:</source>
      <translation>術語表：</translation>
    </message>
    <message>
      <source>Requests at once:</source>
      <translation>同時請求數：</translation>
    </message>
    <message>
      <source>Give the server's address first.</source>
      <translation>請先填寫伺服器位址。</translation>
    </message>
    <message>
      <source>Asking the server for its models…</source>
      <translation>正在向伺服器查詢模型…</translation>
    </message>
    <message>
      <source>The server lists %n model(s).</source>
      <translation>伺服器列出了 %n 個模型。</translation>
    </message>
    <message>
      <source>Glossary</source>
      <translation>術語表</translation>
    </message>
    <message>
      <source>Text files (*.txt);;All files (*)</source>
      <translation>文字檔 (*.txt);;所有檔案 (*)</translation>
    </message>
    <message>
      <source>Give the server and the model.</source>
      <translation>請填寫伺服器和模型。</translation>
    </message>
    <message>
      <source>Give the server, the model and the language.</source>
      <translation>請填寫伺服器、模型和語言。</translation>
    </message>
  </context>
  <context>
    <name>TranslateToBox</name>
    <message>
      <source>No translation</source>
      <translation>不翻譯</translation>
    </message>
    <message>
      <source>Translate each file's subtitles into this language and write both languages, the original first. The chat server, model, context and glossary are those of Recognition ▸ Translate…</source>
      <translation>將每個檔案的字幕譯成此語言，並寫入兩種語言，原文在前。聊天伺服器、模型、上下文和術語表沿用 辨識 ▸ 翻譯… 中的設定</translation>
    </message>
  </context>
  <context>
    <name>Translation</name>
    <message>
      <source>Translate</source>
      <translation>翻譯</translation>
    </message>
    <message>
      <source>There are no cues to translate.</source>
      <translation>沒有可翻譯的字幕。</translation>
    </message>
    <message>
      <source>Every cue has a translation already.</source>
      <translation>每條字幕都已有譯文。</translation>
    </message>
    <message>
      <source>Translating into {language}</source>
      <translation>正在譯成{language}</translation>
    </message>
    <message>
      <source>%n translation(s) to review (marked in the list).</source>
      <translation>%n 條譯文待檢查（已在列表中標出）。</translation>
    </message>
  </context>
  <context>
    <name>TranslationBox</name>
    <message>
      <source>Translation</source>
      <translation>譯文</translation>
    </message>
    <message>
      <source>Edit translation</source>
      <translation>編輯譯文</translation>
    </message>
    <message>
      <source>to review</source>
      <translation>待檢查</translation>
    </message>
  </context>
  <context>
    <name>VideoTracksDialog</name>
    <message>
      <source>Export Video with Subtitle Tracks</source>
      <translation>匯出含字幕軌的影片</translation>
    </message>
    <message>
      <source>Subtitles</source>
      <translation>字幕</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>語言</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>標題</translation>
    </message>
    <message>
      <source>Default</source>
      <translation>預設</translation>
    </message>
    <message numerus="yes">
      <source>The open document (%n cue(s))</source>
      <translation>
        <numerusform>目前開啟的文件（%n 條字幕）</numerusform>
      </translation>
    </message>
    <message>
      <source>Keep the video's own subtitle tracks</source>
      <translation>保留影片原有的字幕軌</translation>
    </message>
    <message>
      <source>Add Files…</source>
      <translation>加入檔案…</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Video:</source>
      <translation>影片：</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>瀏覽…</translation>
    </message>
    <message>
      <source>Save as:</source>
      <translation>儲存為：</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>匯出</translation>
    </message>
    <message>
      <source>Every stream of the video is copied as it is. MKV takes SubRip or ASS tracks, MP4 timed text, WebM WebVTT: subtitles of another format are converted.</source>
      <translation>影片的每條串流都原樣複製。MKV 容納 SubRip 或 ASS 字幕軌，MP4 容納計時文字，WebM 容納 WebVTT：其他格式的字幕會被轉換。</translation>
    </message>
    <message>
      <source>A code such as en, zh or ja; empty: the cues' own language</source>
      <translation>en、zh 或 ja 這樣的代碼；留空：使用字幕本身的語言</translation>
    </message>
    <message>
      <source>Add Subtitle Files</source>
      <translation>加入字幕檔</translation>
    </message>
    <message>
      <source>Choose the Video</source>
      <translation>選擇影片</translation>
    </message>
    <message>
      <source>Videos ({patterns})</source>
      <translation>影片 ({patterns})</translation>
    </message>
    <message>
      <source>Save the Video As</source>
      <translation>影片另存為</translation>
    </message>
    <message>
      <source>Matroska (*.mkv);;MP4 (*.mp4);;WebM (*.webm)</source>
      <translation>Matroska (*.mkv);;MP4 (*.mp4);;WebM (*.webm)</translation>
    </message>
    <message>
      <source>Writing {name}…</source>
      <translation>正在寫入 {name}…</translation>
    </message>
    <message>
      <source>the open document</source>
      <translation>目前開啟的文件</translation>
    </message>
    <message>
      <source>Wrote {path} with %n new subtitle track(s)</source>
      <translation>已寫入 {path}，新增 %n 條字幕軌</translation>
    </message>
  </context>
  <context>
    <name>Worker</name>
    <message>
      <source>{name}: out of memory</source>
      <translation>{name}：記憶體不足</translation>
    </message>
    <message>
      <source>{name} failed: {error}</source>
      <translation>{name} 失敗：{error}</translation>
    </message>
  </context>
</TS>
