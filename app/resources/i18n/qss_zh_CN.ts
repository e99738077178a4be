<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AlignScript</name>
    <message>
      <source>Align Script</source>
      <translation>对齐稿本</translation>
    </message>
    <message>
      <source>Script to align</source>
      <translation>要对齐的稿本</translation>
    </message>
    <message>
      <source>Plain text (*.txt);;All files (*)</source>
      <translation>纯文本 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Video or audio of the script</source>
      <translation>稿本对应的视频或音频</translation>
    </message>
    <message>
      <source>Language of the script:</source>
      <translation>稿本的语言：</translation>
    </message>
    <message>
      <source>Decoding…</source>
      <translation>正在解码…</translation>
    </message>
    <message>
      <source>Aligning the script ({language})…</source>
      <translation>正在对齐稿本（{language}）…</translation>
    </message>
    <message>
      <source>Align script</source>
      <translation>对齐稿本</translation>
    </message>
    <message>
      <source>Script aligned: %n cue(s)</source>
      <translation>稿本已对齐：%n 条字幕</translation>
    </message>
  </context>
  <context>
    <name>ApiKeyField</name>
    <message>
      <source>Kept in the system keyring, or {variable}</source>
      <translation>保存在系统密钥环中，或使用 {variable}</translation>
    </message>
    <message>
      <source>A key typed here is used for this server until you quit; Save in keyring keeps it for next time</source>
      <translation>在此输入的密钥将用于此服务器，直到退出程序；“保存到密钥环”可留待下次使用</translation>
    </message>
    <message>
      <source>Save in keyring</source>
      <translation>保存到密钥环</translation>
    </message>
    <message>
      <source>Keep this key in the system keyring for this server (never in a file)</source>
      <translation>将此服务器的密钥保存在系统密钥环中（绝不写入文件）</translation>
    </message>
    <message>
      <source>Give the server's address and its key first.</source>
      <translation>请先填写服务器地址及其密钥。</translation>
    </message>
    <message>
      <source>No system keyring is available here; set {variable} instead.</source>
      <translation>此处没有可用的系统密钥环；请改为设置 {variable}。</translation>
    </message>
    <message>
      <source>The key is kept in the system keyring.</source>
      <translation>密钥已保存在系统密钥环中。</translation>
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
      <translation>{name}：%n 条字幕，保存于 {when}</translation>
    </message>
    <message>
      <source>Autosave failed: {reason}</source>
      <translation>自动保存失败：{reason}</translation>
    </message>
    <message>
      <source>Unsaved work from an earlier session could not be read and was kept as {path} ({error})</source>
      <translation>之前会话中未保存的工作无法读取，已保留为 {path}（{error}）</translation>
    </message>
    <message numerus="yes">
      <source>and %n more file(s) in the same folder</source>
      <translation>
        <numerusform>以及同一文件夹中的另外 %n 个文件</numerusform>
      </translation>
    </message>
    <message>
      <source>Recover unsaved work</source>
      <translation>恢复未保存的工作</translation>
    </message>
    <message>
      <source>Recovered unsaved work ({what})</source>
      <translation>已恢复未保存的工作（{what}）</translation>
    </message>
    <message>
      <source>Qwen Subtitle Studio did not close properly last time. Restore the unsaved work?</source>
      <translation>Qwen Subtitle Studio 上次未正常关闭。要恢复未保存的工作吗？</translation>
    </message>
    <message>
      <source>&amp;Restore</source>
      <translation>恢复(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Discard</source>
      <translation>丢弃(&amp;D)</translation>
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
      <translation>进行中</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>失败</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>The batch queue could not be saved: {reason}</source>
      <translation>无法保存批量队列：{reason}</translation>
    </message>
    <message>
      <source>Batch finished: %n file(s) done</source>
      <translation>批量处理完成：%n 个文件已完成</translation>
    </message>
    <message>
      <source>, %n failed</source>
      <translation>，%n 个失败</translation>
    </message>
    <message>
      <source>Batch: {name}</source>
      <translation>批量：{name}</translation>
    </message>
    <message>
      <source>Batch queue</source>
      <translation>批量队列</translation>
    </message>
    <message>
      <source>Translating into {language}</source>
      <translation>正在译成{language}</translation>
    </message>
    <message>
      <source>Translation failed ({reason}); the recognised subtitles were written.</source>
      <translation>翻译失败（{reason}）；已写入识别出的字幕。</translation>
    </message>
    <message>
      <source>Translating needs a chat server and a model: choose them in Recognition ▸ Translate…</source>
      <translation>翻译需要聊天服务器和模型：请在 识别 ▸ 翻译… 中选择</translation>
    </message>
  </context>
  <context>
    <name>BatchDock</name>
    <message>
      <source>Batch queue</source>
      <translation>批量队列</translation>
    </message>
    <message>
      <source>Add…</source>
      <translation>添加…</translation>
    </message>
    <message>
      <source>Add media files (or drop files and folders here)</source>
      <translation>添加媒体文件（也可将文件和文件夹拖放到这里）</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>Recognise the waiting files, one after another</source>
      <translation>逐个识别等待中的文件</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Cancel the selected files</source>
      <translation>取消所选文件</translation>
    </message>
    <message>
      <source>Cancel all</source>
      <translation>全部取消</translation>
    </message>
    <message>
      <source>Cancel every file not done yet</source>
      <translation>取消所有尚未完成的文件</translation>
    </message>
    <message>
      <source>Up</source>
      <translation>上移</translation>
    </message>
    <message>
      <source>Move the selected file up</source>
      <translation>将所选文件上移</translation>
    </message>
    <message>
      <source>Down</source>
      <translation>下移</translation>
    </message>
    <message>
      <source>Move the selected file down</source>
      <translation>将所选文件下移</translation>
    </message>
    <message>
      <source>Again</source>
      <translation>重新排队</translation>
    </message>
    <message>
      <source>Queue the selected files again</source>
      <translation>将所选文件重新加入队列</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Take the selected files off the queue</source>
      <translation>将所选文件移出队列</translation>
    </message>
    <message>
      <source>Recognition…</source>
      <translation>识别设置…</translation>
    </message>
    <message>
      <source>Language, model, server or this computer, word timing: the same settings as Recognize Speech</source>
      <translation>语言、模型、服务器或本机、词级定时：与“语音识别”使用相同的设置</translation>
    </message>
    <message>
      <source>Next to each media file</source>
      <translation>与各媒体文件放在一起</translation>
    </message>
    <message>
      <source>Into this folder:</source>
      <translation>保存到此文件夹：</translation>
    </message>
    <message>
      <source>Folder for the subtitles</source>
      <translation>字幕保存文件夹</translation>
    </message>
    <message>
      <source>Folder…</source>
      <translation>文件夹…</translation>
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
      <translation>译成：</translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) added to the batch queue</source>
      <translation>
        <numerusform>已将 %n 个文件加入批量队列</numerusform>
      </translation>
    </message>
    <message>
      <source>(not media, left out: {names})</source>
      <translation>（不是媒体文件，未加入：{names}）</translation>
    </message>
    <message>
      <source>Add to batch queue</source>
      <translation>加入批量队列</translation>
    </message>
    <message>
      <source>Batch recognition settings</source>
      <translation>批量识别设置</translation>
    </message>
  </context>
  <context>
    <name>BatchTableModel</name>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>进度</translation>
    </message>
    <message>
      <source>{percent} — {time} left</source>
      <translation>{percent} — 剩余 {time}</translation>
    </message>
  </context>
  <context>
    <name>BurnDialog</name>
    <message>
      <source>Export Video with Burned-in Subtitles</source>
      <translation>导出内嵌（烧录）字幕的视频</translation>
    </message>
    <message numerus="yes">
      <source>The open document (%n cue(s))</source>
      <translation>
        <numerusform>当前文档（%n 条字幕）</numerusform>
      </translation>
    </message>
    <message>
      <source>A subtitle file…</source>
      <translation>字幕文件…</translation>
    </message>
    <message>
      <source>H.264 quality (CRF): lower is better and bigger; 18 to 23 look good</source>
      <translation>H.264 画质（CRF）：数值越低画质越好、文件越大；18 到 23 效果良好</translation>
    </message>
    <message>
      <source>Very fast (bigger file)</source>
      <translation>很快（文件更大）</translation>
    </message>
    <message>
      <source>Faster</source>
      <translation>较快</translation>
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
      <translation>慢（文件更小）</translation>
    </message>
    <message>
      <source>Video:</source>
      <translation>视频：</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <source>Subtitles:</source>
      <translation>字幕：</translation>
    </message>
    <message>
      <source>Quality (CRF):</source>
      <translation>画质（CRF）：</translation>
    </message>
    <message>
      <source>Encoding speed:</source>
      <translation>编码速度：</translation>
    </message>
    <message>
      <source>Save as:</source>
      <translation>保存为：</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>The cues are drawn as the picture pane shows them: their size follows the picture's height, {\an8} cues go to the top, italics stay slanted. The picture is encoded again as H.264 (MP4); the sound is copied as it is.</source>
      <translation>字幕按画面面板中的样子绘制：大小随画面高度而定，带 {\an8} 的字幕位于顶部，斜体保持倾斜。画面重新编码为 H.264（MP4）；声音原样复制。</translation>
    </message>
    <message>
      <source>Choose the Subtitles</source>
      <translation>选择字幕</translation>
    </message>
    <message>
      <source>Choose the Video</source>
      <translation>选择视频</translation>
    </message>
    <message>
      <source>Videos ({patterns})</source>
      <translation>视频 ({patterns})</translation>
    </message>
    <message>
      <source>Save the Video As</source>
      <translation>视频另存为</translation>
    </message>
    <message>
      <source>MP4 (*.mp4)</source>
      <translation>MP4 (*.mp4)</translation>
    </message>
    <message>
      <source>Burning subtitles into {name}…</source>
      <translation>正在将字幕烧录到 {name}…</translation>
    </message>
    <message>
      <source>Burning subtitles into {name}… about {time} left</source>
      <translation>正在将字幕烧录到 {name}…，约剩 {time}</translation>
    </message>
    <message>
      <source>the open document</source>
      <translation>当前文档</translation>
    </message>
    <message>
      <source>Wrote {path}: subtitles drawn on %n frame(s)</source>
      <translation>已写入 {path}：字幕绘制在 %n 帧上</translation>
    </message>
  </context>
  <context>
    <name>ChecksPanel</name>
    <message>
      <source>Overlaps and order</source>
      <translation>重叠与顺序</translation>
    </message>
    <message>
      <source>Duration</source>
      <translation>时长</translation>
    </message>
    <message>
      <source>Gaps</source>
      <translation>间隔</translation>
    </message>
    <message>
      <source>Reading speed</source>
      <translation>阅读速度</translation>
    </message>
    <message>
      <source>Lines</source>
      <translation>行</translation>
    </message>
    <message>
      <source>Text and spaces</source>
      <translation>文字与空格</translation>
    </message>
    <message>
      <source>Shot changes</source>
      <translation>镜头切换</translation>
    </message>
    <message>
      <source>Checks</source>
      <translation>质量检查</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>The limits of the custom profile</source>
      <translation>自定义规范的各项限制</translation>
    </message>
    <message>
      <source>All problems</source>
      <translation>全部问题</translation>
    </message>
    <message>
      <source>Errors</source>
      <translation>错误</translation>
    </message>
    <message>
      <source>Warnings</source>
      <translation>警告</translation>
    </message>
    <message>
      <source>Fix…</source>
      <translation>修复…</translation>
    </message>
    <message>
      <source>Propose fixes for these problems and review them</source>
      <translation>为这些问题提出修复并逐条审阅</translation>
    </message>
    <message>
      <source>Profile:</source>
      <translation>规范：</translation>
    </message>
    <message>
      <source>Show:</source>
      <translation>显示：</translation>
    </message>
    <message numerus="yes">
      <source>Checks (%n)</source>
      <translation>
        <numerusform>质量检查（%n）</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n problem(s)</source>
      <translation>
        <numerusform>%n 个问题</numerusform>
      </translation>
    </message>
    <message>
      <source>No problems found</source>
      <translation>未发现问题</translation>
    </message>
    <message>
      <source>&amp;Checks</source>
      <translation>质量检查(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Fix Common Problems…</source>
      <translation>修复常见问题(&amp;F)…</translation>
    </message>
  </context>
  <context>
    <name>Command</name>
    <message>
      <source>Change flags</source>
      <translation>更改标记</translation>
    </message>
    <message>
      <source>Change times</source>
      <translation>更改时间</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Delete cues</source>
      <translation>删除字幕条</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <source>Edit text</source>
      <translation>编辑文本</translation>
    </message>
    <message>
      <source>Insert</source>
      <translation>插入</translation>
    </message>
    <message>
      <source>Insert cue</source>
      <translation>插入字幕条</translation>
    </message>
    <message>
      <source>Merge cues</source>
      <translation>合并字幕条</translation>
    </message>
    <message>
      <source>Replace all</source>
      <translation>全部替换</translation>
    </message>
    <message>
      <source>Set language</source>
      <translation>设置语言</translation>
    </message>
    <message>
      <source>Set properties</source>
      <translation>设置属性</translation>
    </message>
    <message>
      <source>Shift times</source>
      <translation>平移时间</translation>
    </message>
    <message>
      <source>Split cue</source>
      <translation>拆分字幕条</translation>
    </message>
    <message>
      <source>Translate</source>
      <translation>翻译</translation>
    </message>
  </context>
  <context>
    <name>ConvertChineseDialog</name>
    <message>
      <source>Convert Chinese</source>
      <translation>简繁转换</translation>
    </message>
    <message numerus="yes">
      <source>Selected cues (%n)</source>
      <translation>
        <numerusform>所选字幕（%n 条）</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>All cues (%n)</source>
      <translation>
        <numerusform>全部字幕（%n 条）</numerusform>
      </translation>
    </message>
    <message>
      <source>Conversion:</source>
      <translation>转换方式：</translation>
    </message>
    <message>
      <source>Cues:</source>
      <translation>字幕：</translation>
    </message>
    <message>
      <source>Preview:</source>
      <translation>预览：</translation>
    </message>
    <message>
      <source>Phrases are converted as a whole (软件 → 軟體 for Taiwan); times are kept.</source>
      <translation>按词组整体转换（如台湾用词：软件 → 軟體）；时间保持不变。</translation>
    </message>
    <message>
      <source>Convert</source>
      <translation>转换</translation>
    </message>
    <message>
      <source>Nothing to change in these cues.</source>
      <translation>这些字幕中没有需要转换的内容。</translation>
    </message>
    <message>
      <source>There are no cues to convert.</source>
      <translation>没有可转换的字幕。</translation>
    </message>
    <message>
      <source>Nothing to convert.</source>
      <translation>没有需要转换的内容。</translation>
    </message>
    <message>
      <source>Converted %n cue(s) ({config})</source>
      <translation>已转换 %n 条字幕（{config}）</translation>
    </message>
  </context>
  <context>
    <name>CueEditor</name>
    <message>
      <source>Select a cue to edit its text</source>
      <translation>选择一条字幕以编辑其文本</translation>
    </message>
    <message>
      <source>Cue {number}</source>
      <translation>第 {number} 条</translation>
    </message>
    <message>
      <source>line lengths {lengths} (max {max})</source>
      <translation>每行字数 {lengths}（上限 {max}）</translation>
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
      <translation>设置语言(&amp;L)…</translation>
    </message>
    <message>
      <source>Set Language</source>
      <translation>设置语言</translation>
    </message>
    <message>
      <source>Select the cues first.</source>
      <translation>请先选择字幕。</translation>
    </message>
    <message>
      <source>Not known</source>
      <translation>未知</translation>
    </message>
    <message>
      <source>Language of %n selected cue(s):</source>
      <translation>所选 %n 条字幕的语言：</translation>
    </message>
    <message>
      <source>Set language</source>
      <translation>设置语言</translation>
    </message>
  </context>
  <context>
    <name>CueLayer</name>
    <message>
      <source>Drag cue start</source>
      <translation>拖动字幕开始时间</translation>
    </message>
    <message>
      <source>Drag cue end</source>
      <translation>拖动字幕结束时间</translation>
    </message>
    <message>
      <source>Move cue</source>
      <translation>移动字幕条</translation>
    </message>
  </context>
  <context>
    <name>CueTableModel</name>
    <message>
      <source>Start</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>End</source>
      <translation>结束</translation>
    </message>
    <message>
      <source>Duration</source>
      <translation>时长</translation>
    </message>
    <message>
      <source>CPS</source>
      <translation>字/秒</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>文本</translation>
    </message>
    <message>
      <source>Translation</source>
      <translation>译文</translation>
    </message>
    <message>
      <source>Text edited since it was timed: re-align to fix its timing</source>
      <translation>定时后文本已修改：重新对齐以修正其时间</translation>
    </message>
    <message>
      <source>The aligner could not place this text; its old timing was kept</source>
      <translation>对齐器无法定位这段文本，已保留原来的时间</translation>
    </message>
    <message>
      <source>Translation to review: the model gave no usable line, or not in its language</source>
      <translation>待检查的译文：模型没有给出可用的一行，或不是目标语言</translation>
    </message>
    <message>
      <source>Locked: automatic timing never moves it</source>
      <translation>已锁定：自动定时不会移动它</translation>
    </message>
    <message>
      <source>Edit translation</source>
      <translation>编辑译文</translation>
    </message>
  </context>
  <context>
    <name>CustomProfileDialog</name>
    <message>
      <source>Custom quality profile</source>
      <translation>自定义质量规范</translation>
    </message>
    <message>
      <source>not checked</source>
      <translation>不检查</translation>
    </message>
    <message>
      <source>by language</source>
      <translation>按语言</translation>
    </message>
    <message>
      <source> characters/s</source>
      <translation> 字符/秒</translation>
    </message>
    <message>
      <source> words/min</source>
      <translation> 词/分钟</translation>
    </message>
    <message>
      <source> ms</source>
      <translation> 毫秒</translation>
    </message>
    <message>
      <source> characters</source>
      <translation> 个字符</translation>
    </message>
    <message>
      <source>Maximum reading speed:</source>
      <translation>最高阅读速度：</translation>
    </message>
    <message>
      <source>Maximum words per minute:</source>
      <translation>每分钟最多词数：</translation>
    </message>
    <message>
      <source>Minimum duration:</source>
      <translation>最短时长：</translation>
    </message>
    <message>
      <source>Maximum duration:</source>
      <translation>最长时长：</translation>
    </message>
    <message>
      <source>Minimum gap:</source>
      <translation>最小间隔：</translation>
    </message>
    <message>
      <source>Maximum line length:</source>
      <translation>每行最多字符：</translation>
    </message>
    <message>
      <source>Maximum lines:</source>
      <translation>最多行数：</translation>
    </message>
    <message>
      <source>The minimum duration must not be over the maximum.</source>
      <translation>最短时长不能超过最长时长。</translation>
    </message>
  </context>
  <context>
    <name>EditActions</name>
    <message>
      <source>Select one cue with at least two characters to split it</source>
      <translation>请选择一条至少有两个字符的字幕进行拆分</translation>
    </message>
    <message>
      <source>Select a cue that has a next cue to merge with</source>
      <translation>请选择一条后面还有字幕的字幕条进行合并</translation>
    </message>
    <message>
      <source>Shift times</source>
      <translation>平移时间</translation>
    </message>
    <message>
      <source>Shift the selected cues (all cues when none is selected) by, e.g. 1.5 or -0:02.250:</source>
      <translation>将所选字幕（未选择时为全部字幕）平移，例如 1.5 或 -0:02.250：</translation>
    </message>
    <message>
      <source>Select one cue to set its start at the playhead</source>
      <translation>请选择一条字幕，将其开始时间设为播放头位置</translation>
    </message>
    <message>
      <source>Select one cue to set its end at the playhead</source>
      <translation>请选择一条字幕，将其结束时间设为播放头位置</translation>
    </message>
    <message>
      <source>The start is already there, or a neighbouring cue is in the way</source>
      <translation>开始时间已在该处，或被相邻字幕挡住</translation>
    </message>
    <message>
      <source>The end is already there, or a neighbouring cue is in the way</source>
      <translation>结束时间已在该处，或被相邻字幕挡住</translation>
    </message>
  </context>
  <context>
    <name>Editing</name>
    <message>
      <source>Set start</source>
      <translation>设置开始时间</translation>
    </message>
    <message>
      <source>Set end</source>
      <translation>设置结束时间</translation>
    </message>
    <message>
      <source>Merge cues</source>
      <translation>合并字幕条</translation>
    </message>
    <message>
      <source>Lock cues</source>
      <translation>锁定字幕条</translation>
    </message>
    <message>
      <source>Unlock cues</source>
      <translation>解锁字幕条</translation>
    </message>
    <message>
      <source>Replace '{pattern}'</source>
      <translation>替换“{pattern}”</translation>
    </message>
  </context>
  <context>
    <name>FileController</name>
    <message>
      <source>All supported ({patterns})</source>
      <translation>所有支持的文件（{patterns}）</translation>
    </message>
    <message>
      <source>Media ({patterns})</source>
      <translation>媒体（{patterns}）</translation>
    </message>
    <message>
      <source>Subtitles ({patterns})</source>
      <translation>字幕（{patterns}）</translation>
    </message>
    <message>
      <source>Projects ({patterns})</source>
      <translation>项目（{patterns}）</translation>
    </message>
    <message>
      <source>All files ({patterns})</source>
      <translation>所有文件（{patterns}）</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <source>Import subtitles</source>
      <translation>导入字幕</translation>
    </message>
    <message>
      <source>Reload with encoding</source>
      <translation>以指定编码重新加载</translation>
    </message>
    <message>
      <source>No subtitle file has been opened yet.</source>
      <translation>尚未打开任何字幕文件。</translation>
    </message>
    <message>
      <source>Read {name} as:</source>
      <translation>将 {name} 读取为：</translation>
    </message>
    <message>
      <source>{path}: no such file</source>
      <translation>{path}：文件不存在</translation>
    </message>
    <message>
      <source>opening another file</source>
      <translation>打开另一个文件</translation>
    </message>
    <message>
      <source>opening another project</source>
      <translation>打开另一个项目</translation>
    </message>
    <message>
      <source>Open project</source>
      <translation>打开项目</translation>
    </message>
    <message>
      <source>The project's media is missing: {path}</source>
      <translation>找不到项目的媒体文件：{path}</translation>
    </message>
    <message>
      <source>Reading {name}…</source>
      <translation>正在读取 {name}…</translation>
    </message>
    <message>
      <source>Open subtitles</source>
      <translation>打开字幕</translation>
    </message>
    <message>
      <source>{encoding}, detected</source>
      <translation>{encoding}（自动检测）</translation>
    </message>
    <message numerus="yes">
      <source>%n cue(s) read from {name} ({how})</source>
      <translation>
        <numerusform>从 {name} 读取了 %n 条字幕（{how}）</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>; %n part(s) skipped</source>
      <translation>
        <numerusform>；跳过了 %n 处</numerusform>
      </translation>
    </message>
    <message>
      <source>Some parts of {name} could not be read and were skipped:</source>
      <translation>{name} 的部分内容无法读取，已跳过：</translation>
    </message>
    <message numerus="yes">
      <source>Replace the %n cue(s) you have with the cues of {name}? (Undo brings them back.)</source>
      <translation>
        <numerusform>用 {name} 中的字幕替换现有的 %n 条字幕吗？（撤销可恢复。）</numerusform>
      </translation>
    </message>
    <message>
      <source>Decoding {name}…</source>
      <translation>正在解码 {name}…</translation>
    </message>
    <message>
      <source>Open media</source>
      <translation>打开媒体</translation>
    </message>
    <message numerus="yes">
      <source>{warning} (and %n more)</source>
      <translation>
        <numerusform>{warning}（另有 %n 处）</numerusform>
      </translation>
    </message>
    <message>
      <source>{name}: {warning}</source>
      <translation>{name}：{warning}</translation>
    </message>
    <message numerus="yes">
      <source>Opened {name} in place of the previous media; the %n cue(s) you had [is|are] kept</source>
      <translation>
        <numerusform>已打开 {name} 替换之前的媒体；原有的 %n 条字幕保持不变</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Opened {name}; the %n cue(s) you had [is|are] kept (File ▸ Import Subtitles replaces [it|them])</source>
      <translation>
        <numerusform>已打开 {name}；原有的 %n 条字幕保持不变（文件 ▸ 导入字幕 可替换它们）</numerusform>
      </translation>
    </message>
    <message>
      <source>Import Subtitle Track</source>
      <translation>导入字幕轨道</translation>
    </message>
    <message>
      <source>{name} has no subtitle tracks.</source>
      <translation>{name} 没有字幕轨道。</translation>
    </message>
    <message>
      <source>Reading tracks…</source>
      <translation>正在读取轨道…</translation>
    </message>
    <message>
      <source>{name}, track {number}</source>
      <translation>{name}，轨道 {number}</translation>
    </message>
    <message>
      <source>Save project</source>
      <translation>保存项目</translation>
    </message>
    <message>
      <source>Saved {path}</source>
      <translation>已保存 {path}</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>未保存的更改</translation>
    </message>
    <message>
      <source>The subtitles have changes that are not saved. Save them before {doing}?</source>
      <translation>字幕有未保存的更改。在{doing}之前保存吗？</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
  </context>
  <context>
    <name>FindReplaceDialog</name>
    <message>
      <source>Find and Replace</source>
      <translation>查找和替换</translation>
    </message>
    <message>
      <source>Match case</source>
      <translation>区分大小写</translation>
    </message>
    <message>
      <source>Regular expression</source>
      <translation>正则表达式</translation>
    </message>
    <message>
      <source>Find Next</source>
      <translation>查找下一个</translation>
    </message>
    <message>
      <source>Replace All</source>
      <translation>全部替换</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Find:</source>
      <translation>查找：</translation>
    </message>
    <message>
      <source>Replace with:</source>
      <translation>替换为：</translation>
    </message>
    <message>
      <source>Type what to find</source>
      <translation>输入要查找的内容</translation>
    </message>
    <message>
      <source>Not a valid expression: {error}</source>
      <translation>不是有效的表达式：{error}</translation>
    </message>
    <message>
      <source>Not found</source>
      <translation>未找到</translation>
    </message>
    <message>
      <source>Cue {number}</source>
      <translation>第 {number} 条</translation>
    </message>
    <message>
      <source>Cannot replace: {error}</source>
      <translation>无法替换：{error}</translation>
    </message>
    <message numerus="yes">
      <source>Replaced in %n cue(s)</source>
      <translation>
        <numerusform>已在 %n 条字幕中替换</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>FindingsModel</name>
    <message>
      <source>Start</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>错误</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>警告</translation>
    </message>
    <message>
      <source>Translation: {problem}</source>
      <translation>译文：{problem}</translation>
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
      <translation>顺序</translation>
    </message>
    <message>
      <source>Overlaps</source>
      <translation>重叠</translation>
    </message>
    <message>
      <source>Gaps</source>
      <translation>间隔</translation>
    </message>
    <message>
      <source>Too short or fast</source>
      <translation>过短或过快</translation>
    </message>
    <message>
      <source>Too long</source>
      <translation>过长</translation>
    </message>
    <message>
      <source>Merges</source>
      <translation>合并</translation>
    </message>
    <message>
      <source>Line breaks</source>
      <translation>换行</translation>
    </message>
    <message>
      <source>Full-width punctuation</source>
      <translation>全角标点</translation>
    </message>
    <message>
      <source>Line-end punctuation</source>
      <translation>行尾标点</translation>
    </message>
    <message>
      <source>Splits</source>
      <translation>拆分</translation>
    </message>
    <message>
      <source>Shot changes</source>
      <translation>镜头切换</translation>
    </message>
    <message>
      <source>%n cue(s) fixed</source>
      <translation>已修复 %n 条字幕</translation>
    </message>
    <message>
      <source>Fix common problems</source>
      <translation>修复常见问题</translation>
    </message>
    <message>
      <source>Nothing to fix: no change would help.</source>
      <translation>无需修复：没有可改进之处。</translation>
    </message>
  </context>
  <context>
    <name>FixReviewDialog</name>
    <message>
      <source>Fix common problems</source>
      <translation>修复常见问题</translation>
    </message>
    <message numerus="yes">
      <source>%n cue(s) would change (profile: {profile}).</source>
      <translation>
        <numerusform>将更改 %n 条字幕（规范：{profile}）。</numerusform>
      </translation>
    </message>
    <message>
      <source>Untick what should stay as it is. Locked cues are never changed; no text is lost.</source>
      <translation>取消勾选要保持原样的项。锁定的字幕不会被更改；不会丢失任何文字。</translation>
    </message>
    <message>
      <source>Kinds:</source>
      <translation>类别：</translation>
    </message>
    <message>
      <source>{kind} ({count})</source>
      <translation>{kind}（{count}）</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>应用</translation>
    </message>
    <message>
      <source>Chinese: remove the comma or full stop at the end of each line</source>
      <translation>中文：删除每行末尾的逗号或句号</translation>
    </message>
    <message>
      <source>As many Chinese subtitles are delivered: a ， or 。 that ends a line is removed.</source>
      <translation>按许多中文字幕的交付惯例：删除行尾的，或。</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>更改</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>修改前</translation>
    </message>
    <message>
      <source>After</source>
      <translation>修改后</translation>
    </message>
    <message>
      <source>Tick All</source>
      <translation>全部勾选</translation>
    </message>
    <message>
      <source>Untick All</source>
      <translation>全部取消勾选</translation>
    </message>
  </context>
  <context>
    <name>Help</name>
    <message>
      <source>&amp;Quick Guide</source>
      <translation>快速入门(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Keyboard Shortcuts</source>
      <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
      <source>&amp;About Qwen Subtitle Studio</source>
      <translation>关于 Qwen Subtitle Studio(&amp;A)</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Shortcut</source>
      <translation>快捷键</translation>
    </message>
    <message>
      <source>Preset: {preset}. Change keys in Edit ▸ Keyboard Shortcuts.</source>
      <translation>预设：{preset}。可在 编辑 ▸ 键盘快捷键 中更改按键。</translation>
    </message>
    <message>
      <source>Keyboard Shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <source>Open a video or audio file: File ▸ Open, or drop it on the window.</source>
      <translation>打开视频或音频文件：文件 ▸ 打开，或将文件拖到窗口中。</translation>
    </message>
    <message>
      <source>Recognition ▸ Recognize Speech makes subtitles from the audio. Choose the language if you know it; the first run downloads the model.</source>
      <translation>识别 ▸ 语音识别 根据音频生成字幕。如果知道语言，请选择它；首次运行会下载模型。</translation>
    </message>
    <message>
      <source>Check each cue: play it, correct its text in the box above the list. Red and orange cells mark cues that are too fast to read, too long, or overlapping.</source>
      <translation>逐条检查字幕：播放它，在列表上方的文本框中修改文字。红色和橙色的单元格表示字幕阅读速度过快、过长或相互重叠。</translation>
    </message>
    <message>
      <source>Fix the timing on the waveform: drag a cue's edges or the whole cue, or set its start and end at the playhead with the keys. After editing text, Recognition ▸ Re-align Edited Cues times it again.</source>
      <translation>在波形上修正时间：拖动字幕的边缘或整条字幕，或用快捷键把开始和结束时间设为播放头位置。修改文本后，用 识别 ▸ 重新对齐已编辑的字幕 重新定时。</translation>
    </message>
    <message>
      <source>Save the project to keep working later, and File ▸ Export As for the subtitle file (SRT, WebVTT, ASS and more).</source>
      <translation>保存项目以便以后继续工作，用 文件 ▸ 导出为 得到字幕文件（SRT、WebVTT、ASS 等格式）。</translation>
    </message>
    <message>
      <source>Quick Guide</source>
      <translation>快速入门</translation>
    </message>
    <message>
      <source>not installed</source>
      <translation>未安装</translation>
    </message>
    <message>
      <source>{model} (in use)</source>
      <translation>{model}（使用中）</translation>
    </message>
    <message>
      <source>{model} (not loaded yet)</source>
      <translation>{model}（尚未加载）</translation>
    </message>
    <message>
      <source>Recognition model</source>
      <translation>识别模型</translation>
    </message>
    <message>
      <source>Aligner</source>
      <translation>对齐模型</translation>
    </message>
    <message>
      <source>A subtitle editor built on Qwen3-ASR: recognition, forced alignment, timing on the waveform.</source>
      <translation>基于 Qwen3-ASR 的字幕编辑器：语音识别、强制对齐、在波形上调整时间。</translation>
    </message>
    <message>
      <source>Licensed under the Apache License 2.0.</source>
      <translation>以 Apache License 2.0 授权。</translation>
    </message>
    <message>
      <source>About {app}</source>
      <translation>关于 {app}</translation>
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
      <translation>英语</translation>
    </message>
    <message>
      <source>Cantonese</source>
      <translation>粤语</translation>
    </message>
    <message>
      <source>Arabic</source>
      <translation>阿拉伯语</translation>
    </message>
    <message>
      <source>German</source>
      <translation>德语</translation>
    </message>
    <message>
      <source>French</source>
      <translation>法语</translation>
    </message>
    <message>
      <source>Spanish</source>
      <translation>西班牙语</translation>
    </message>
    <message>
      <source>Portuguese</source>
      <translation>葡萄牙语</translation>
    </message>
    <message>
      <source>Indonesian</source>
      <translation>印度尼西亚语</translation>
    </message>
    <message>
      <source>Italian</source>
      <translation>意大利语</translation>
    </message>
    <message>
      <source>Korean</source>
      <translation>韩语</translation>
    </message>
    <message>
      <source>Russian</source>
      <translation>俄语</translation>
    </message>
    <message>
      <source>Thai</source>
      <translation>泰语</translation>
    </message>
    <message>
      <source>Vietnamese</source>
      <translation>越南语</translation>
    </message>
    <message>
      <source>Japanese</source>
      <translation>日语</translation>
    </message>
    <message>
      <source>Turkish</source>
      <translation>土耳其语</translation>
    </message>
    <message>
      <source>Hindi</source>
      <translation>印地语</translation>
    </message>
    <message>
      <source>Malay</source>
      <translation>马来语</translation>
    </message>
    <message>
      <source>Dutch</source>
      <translation>荷兰语</translation>
    </message>
    <message>
      <source>Swedish</source>
      <translation>瑞典语</translation>
    </message>
    <message>
      <source>Danish</source>
      <translation>丹麦语</translation>
    </message>
    <message>
      <source>Finnish</source>
      <translation>芬兰语</translation>
    </message>
    <message>
      <source>Polish</source>
      <translation>波兰语</translation>
    </message>
    <message>
      <source>Czech</source>
      <translation>捷克语</translation>
    </message>
    <message>
      <source>Filipino</source>
      <translation>菲律宾语</translation>
    </message>
    <message>
      <source>Persian</source>
      <translation>波斯语</translation>
    </message>
    <message>
      <source>Greek</source>
      <translation>希腊语</translation>
    </message>
    <message>
      <source>Romanian</source>
      <translation>罗马尼亚语</translation>
    </message>
    <message>
      <source>Hungarian</source>
      <translation>匈牙利语</translation>
    </message>
    <message>
      <source>Macedonian</source>
      <translation>马其顿语</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Recovered unsaved work; {path} was not opened</source>
      <translation>已恢复未保存的工作；未打开 {path}</translation>
    </message>
    <message>
      <source>Drop a video, audio or subtitle file here</source>
      <translation>将视频、音频或字幕文件拖到这里</translation>
    </message>
    <message>
      <source>or use File ▸ Open (Ctrl+O). Then Recognition ▸ Recognize speech makes subtitles from the audio.</source>
      <translation>或使用 文件 ▸ 打开（Ctrl+O）。然后用 识别 ▸ 语音识别 根据音频生成字幕。</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>打开(&amp;O)…</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
      <source>Reload Subtitles with E&amp;ncoding…</source>
      <translation>以指定编码重新加载字幕(&amp;N)…</translation>
    </message>
    <message>
      <source>&amp;Import Subtitles…</source>
      <translation>导入字幕(&amp;I)…</translation>
    </message>
    <message>
      <source>Import Subtitle &amp;Track from Video…</source>
      <translation>从视频导入字幕轨道(&amp;T)…</translation>
    </message>
    <message>
      <source>Save Su&amp;btitles</source>
      <translation>保存字幕(&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Export As…</source>
      <translation>导出为(&amp;E)…</translation>
    </message>
    <message>
      <source>Add to &amp;Batch Queue…</source>
      <translation>加入批量队列(&amp;B)…</translation>
    </message>
    <message>
      <source>&amp;Save Project</source>
      <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
      <source>Save Project &amp;As…</source>
      <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <source>Some saved preferences could not be read; their defaults are used.</source>
      <translation>部分已保存的偏好设置无法读取，已改用默认值。</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Insert Cue</source>
      <translation>插入字幕条(&amp;I)</translation>
    </message>
    <message>
      <source>&amp;Delete Cues</source>
      <translation>删除字幕条(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Split at Cursor</source>
      <translation>在光标处拆分(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Merge with Next</source>
      <translation>与下一条合并(&amp;M)</translation>
    </message>
    <message>
      <source>Shift &amp;Times…</source>
      <translation>平移时间(&amp;T)…</translation>
    </message>
    <message>
      <source>&amp;Lock / Unlock</source>
      <translation>锁定/解锁(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Find and Replace…</source>
      <translation>查找和替换(&amp;F)…</translation>
    </message>
    <message>
      <source>&amp;Recognition</source>
      <translation>识别(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Recognize Speech…</source>
      <translation>语音识别(&amp;R)…</translation>
    </message>
    <message>
      <source>Re-align &amp;Selected Cues</source>
      <translation>重新对齐所选字幕(&amp;S)</translation>
    </message>
    <message>
      <source>Re-align &amp;Edited Cues</source>
      <translation>重新对齐已编辑的字幕(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Align Whole File…</source>
      <translation>对齐整个文件(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Playback</source>
      <translation>播放(&amp;P)</translation>
    </message>
    <message>
      <source>Play / &amp;Pause</source>
      <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
      <source>Play &amp;Selected Cue</source>
      <translation>播放所选字幕(&amp;S)</translation>
    </message>
    <message>
      <source>Play 0.5 s &amp;Before Start</source>
      <translation>播放开始前 0.5 秒(&amp;B)</translation>
    </message>
    <message>
      <source>Play 0.5 s &amp;After End</source>
      <translation>播放结束后 0.5 秒(&amp;A)</translation>
    </message>
    <message>
      <source>Set S&amp;tart at Playhead</source>
      <translation>将开始时间设为播放头(&amp;T)</translation>
    </message>
    <message>
      <source>Set &amp;End at Playhead</source>
      <translation>将结束时间设为播放头(&amp;E)</translation>
    </message>
    <message>
      <source>Set End and &amp;Go to Next</source>
      <translation>设置结束时间并转到下一条(&amp;G)</translation>
    </message>
    <message>
      <source>Pre&amp;vious Cue</source>
      <translation>上一条字幕(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Next Cue</source>
      <translation>下一条字幕(&amp;N)</translation>
    </message>
    <message>
      <source>Zoom &amp;In</source>
      <translation>放大(&amp;I)</translation>
    </message>
    <message>
      <source>Zoom &amp;Out</source>
      <translation>缩小(&amp;O)</translation>
    </message>
    <message>
      <source>Scroll &amp;Left</source>
      <translation>向左滚动(&amp;L)</translation>
    </message>
    <message>
      <source>Scroll &amp;Right</source>
      <translation>向右滚动(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>Typing</source>
      <translation>输入</translation>
    </message>
    <message>
      <source>&amp;Undo {what}</source>
      <translation>撤销{what}(&amp;U)</translation>
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
      <translation>关闭</translation>
    </message>
    <message>
      <source>Align &amp;Script…</source>
      <translation>对齐稿本(&amp;S)…</translation>
    </message>
    <message>
      <source>Convert &amp;Chinese…</source>
      <translation>简繁转换(&amp;C)…</translation>
    </message>
    <message>
      <source>E&amp;xport</source>
      <translation>导出(&amp;X)</translation>
    </message>
    <message>
      <source>Video with Subtitle &amp;Tracks…</source>
      <translation>带字幕轨道的视频(&amp;T)…</translation>
    </message>
    <message>
      <source>Video with &amp;Burned-in Subtitles…</source>
      <translation>内嵌（烧录）字幕的视频(&amp;B)…</translation>
    </message>
    <message>
      <source>&amp;Translate…</source>
      <translation>翻译(&amp;T)…</translation>
    </message>
    <message>
      <source>&amp;Proofread…</source>
      <translation>校对(&amp;P)…</translation>
    </message>
  </context>
  <context>
    <name>Message</name>
    <message>
      <source>Waiting for another recognition or alignment to finish…</source>
      <translation>正在等待另一个识别或对齐任务完成…</translation>
    </message>
    <message>
      <source>Starting the recognition process…</source>
      <translation>正在启动识别进程…</translation>
    </message>
    <message>
      <source>Loading the recognition runtime…</source>
      <translation>正在加载识别运行环境…</translation>
    </message>
    <message>
      <source>Loading the recognition model…</source>
      <translation>正在加载识别模型…</translation>
    </message>
    <message>
      <source>Loading the aligner…</source>
      <translation>正在加载对齐模型…</translation>
    </message>
    <message>
      <source>Reading the weights of {model}…</source>
      <translation>正在读取 {model} 的权重…</translation>
    </message>
    <message>
      <source>Moving {model} to {device}…</source>
      <translation>正在将 {model} 移至 {device}…</translation>
    </message>
    <message>
      <source>Downloading {file}…</source>
      <translation>正在下载 {file}…</translation>
    </message>
    <message>
      <source>The recognition process stopped answering and was ended; your subtitles are safe, try again</source>
      <translation>识别进程停止响应，已被终止；您的字幕完好无损，请重试</translation>
    </message>
    <message>
      <source>The recognition process was killed (out of memory?); your subtitles are safe, try again</source>
      <translation>识别进程被终止（内存不足？）；您的字幕完好无损，请重试</translation>
    </message>
    <message>
      <source>The recognition process ended (exit status {code}); your subtitles are safe, try again</source>
      <translation>识别进程已结束（退出状态 {code}）；您的字幕完好无损，请重试</translation>
    </message>
    <message>
      <source>Out of memory</source>
      <translation>内存不足</translation>
    </message>
    <message>
      <source>{detail}</source>
      <translation>{detail}</translation>
    </message>
    <message>
      <source>CUDA was requested but no CUDA GPU is available; use --device cpu</source>
      <translation>请求使用 CUDA，但没有可用的 CUDA GPU；请使用 --device cpu</translation>
    </message>
    <message>
      <source>Apple MPS was requested but is not available; use --device cpu</source>
      <translation>请求使用 Apple MPS，但它不可用；请使用 --device cpu</translation>
    </message>
    <message>
      <source>unknown device {device!r}; use auto, cpu, cuda or mps</source>
      <translation>未知设备 {device!r}；请使用 auto、cpu、cuda 或 mps</translation>
    </message>
    <message>
      <source>not enough GPU memory for {model}: needs about {needed} GB, {free} GB free; close other GPU programs, pick a smaller model or use the CPU</source>
      <translation>GPU 显存不足以加载 {model}：约需 {needed} GB，可用 {free} GB；请关闭其他使用 GPU 的程序、选择更小的模型或使用 CPU</translation>
    </message>
    <message>
      <source>not enough GPU memory to load {model}; use a smaller model or the CPU</source>
      <translation>GPU 显存不足以加载 {model}；请使用更小的模型或 CPU</translation>
    </message>
    <message>
      <source>out of GPU memory even for one chunk at a time; use a smaller model or the CPU</source>
      <translation>即使每次只处理一个分块，GPU 显存仍然不足；请使用更小的模型或 CPU</translation>
    </message>
    <message>
      <source>out of GPU memory while aligning; use the CPU or a shorter window</source>
      <translation>对齐时 GPU 显存不足；请使用 CPU 或更短的窗口</translation>
    </message>
    <message>
      <source>no forced aligner is configured</source>
      <translation>未配置强制对齐模型</translation>
    </message>
    <message>
      <source>cannot load the model in {folder}: {detail}</source>
      <translation>无法加载 {folder} 中的模型：{detail}</translation>
    </message>
    <message>
      <source>the forced aligner does not support {language}; it aligns {choices}</source>
      <translation>强制对齐模型不支持{language}；它支持：{choices}</translation>
    </message>
    <message>
      <source>the forced aligner does not support {language} (detected from the first 30 s of speech); it aligns {choices}</source>
      <translation>强制对齐模型不支持{language}（从前 30 秒语音中检测得到）；它支持：{choices}</translation>
    </message>
    <message>
      <source>no language was detected in the first 30 s of speech; set the cues' language (Edit ▸ Set Language, or --language)</source>
      <translation>在前 30 秒语音中未检测到语言；请设置字幕的语言（编辑 ▸ 设置语言，或 --language）</translation>
    </message>
    <message>
      <source>unsupported language {name!r}; use auto or one of: {choices}</source>
      <translation>不支持的语言 {name!r}；请使用 auto 或以下之一：{choices}</translation>
    </message>
    <message>
      <source>model folder not found: {path}</source>
      <translation>找不到模型文件夹：{path}</translation>
    </message>
    <message>
      <source>model folder {path} is missing {file}</source>
      <translation>模型文件夹 {path} 缺少 {file}</translation>
    </message>
    <message>
      <source>{file} is not a Qwen3-ASR model (model_type {type!r})</source>
      <translation>{file} 不是 Qwen3-ASR 模型（model_type {type!r}）</translation>
    </message>
    <message>
      <source>{path} is a recognition model, not a forced aligner</source>
      <translation>{path} 是识别模型，不是强制对齐模型</translation>
    </message>
    <message>
      <source>{path} is a forced aligner, not a recognition model</source>
      <translation>{path} 是强制对齐模型，不是识别模型</translation>
    </message>
    <message>
      <source>{file} is damaged ({reason}); delete it and download the model again</source>
      <translation>{file} 已损坏（{reason}）；请删除后重新下载模型</translation>
    </message>
    <message>
      <source>{index} lists no weight files</source>
      <translation>{index} 未列出任何权重文件</translation>
    </message>
    <message>
      <source>{repo} is a {actual}, not a {kind}</source>
      <translation>{repo} 是{actual}，不是{kind}</translation>
    </message>
    <message>
      <source>{repo} is not downloaded yet and downloads are off (offline)</source>
      <translation>{repo} 尚未下载，且下载已关闭（离线）</translation>
    </message>
    <message>
      <source>cannot reach the model hub for {repo}: {reason}</source>
      <translation>无法连接模型仓库获取 {repo}：{reason}</translation>
    </message>
    <message>
      <source>download of {repo} cancelled; it resumes next time</source>
      <translation>{repo} 的下载已取消；下次将继续</translation>
    </message>
    <message>
      <source>download cancelled; it resumes next time</source>
      <translation>下载已取消；下次将继续</translation>
    </message>
    <message>
      <source>download of {repo} failed at {file}: {reason}</source>
      <translation>{repo} 下载失败，出错文件 {file}：{reason}</translation>
    </message>
    <message>
      <source>{repo} has no files</source>
      <translation>{repo} 没有任何文件</translation>
    </message>
    <message>
      <source>not enough disk space to download {repo}: needs {needed} GB, {free} GB free in {cache}; free some space or set HF_HOME to another disk</source>
      <translation>磁盘空间不足，无法下载 {repo}：需要 {needed} GB，{cache} 中可用 {free} GB；请释放空间或将 HF_HOME 设到其他磁盘</translation>
    </message>
    <message>
      <source>{path}: no such file</source>
      <translation>{path}：文件不存在</translation>
    </message>
    <message>
      <source>{path}: permission denied</source>
      <translation>{path}：没有访问权限</translation>
    </message>
    <message>
      <source>{path}: {reason}</source>
      <translation>{path}：{reason}</translation>
    </message>
    <message>
      <source>{path}: is a folder, not a media file</source>
      <translation>{path}：这是文件夹，不是媒体文件</translation>
    </message>
    <message>
      <source>{path}: not a regular file</source>
      <translation>{path}：不是普通文件</translation>
    </message>
    <message>
      <source>{path}: empty file</source>
      <translation>{path}：文件是空的</translation>
    </message>
    <message>
      <source>{path}: not a media file (it holds text)</source>
      <translation>{path}：不是媒体文件（其中是文本）</translation>
    </message>
    <message>
      <source>{path}: the file is truncated or corrupt ({kind})</source>
      <translation>{path}：文件不完整或已损坏（{kind}）</translation>
    </message>
    <message>
      <source>{path}: a subtitle file ({format}), not audio or video</source>
      <translation>{path}：这是字幕文件（{format}），不是音频或视频</translation>
    </message>
    <message>
      <source>{path}: no audio stream (streams: {streams})</source>
      <translation>{path}：没有音频流（现有的流：{streams}）</translation>
    </message>
    <message>
      <source>{path}: not a media file, or its data is corrupt</source>
      <translation>{path}：不是媒体文件，或数据已损坏</translation>
    </message>
    <message>
      <source>{path}: the file ends too early (truncated)</source>
      <translation>{path}：文件提前结束（不完整）</translation>
    </message>
    <message>
      <source>{path}: unsupported codec</source>
      <translation>{path}：不支持的编解码器</translation>
    </message>
    <message>
      <source>{path}: reading timed out</source>
      <translation>{path}：读取超时</translation>
    </message>
    <message>
      <source>{path}: cannot decode ({reason})</source>
      <translation>{path}：无法解码（{reason}）</translation>
    </message>
    <message>
      <source>{path}: the audio data is corrupt or truncated; nothing could be decoded</source>
      <translation>{path}：音频数据已损坏或不完整，无法解码任何内容</translation>
    </message>
    <message>
      <source>{path}: zero-length audio (the audio stream holds no samples)</source>
      <translation>{path}：音频长度为零（音频流中没有采样）</translation>
    </message>
    <message>
      <source>{path}: the audio is too short to use ({ms} ms)</source>
      <translation>{path}：音频太短，无法使用（{ms} 毫秒）</translation>
    </message>
    <message>
      <source>{path}: unsupported audio codec in stream {stream}</source>
      <translation>{path}：流 {stream} 的音频编解码器不受支持</translation>
    </message>
    <message>
      <source>Recognising on {device}…</source>
      <translation>正在 {device} 上识别…</translation>
    </message>
    <message>
      <source>Recognising…</source>
      <translation>正在识别…</translation>
    </message>
    <message>
      <source>Not enough memory for the recogniser and the aligner together ({needed} MB needed, {available} MB free): recognising first, then timing the words</source>
      <translation>内存不足，无法同时载入识别模型和对齐模型（需要 {needed} MB，可用 {available} MB）：先识别，再计算逐词时间</translation>
    </message>
    <message>
      <source>The recogniser and the aligner are loaded one at a time: recognising first, then timing the words</source>
      <translation>识别模型和对齐模型将依次载入：先识别，再计算逐词时间</translation>
    </message>
    <message>
      <source>Timing the words…</source>
      <translation>正在计算逐词时间…</translation>
    </message>
    <message>
      <source>Recognised %n cue(s)</source>
      <translation>已识别 %n 条字幕</translation>
    </message>
    <message>
      <source>Recognised %n cue(s) ({language})</source>
      <translation>已识别 %n 条字幕（{language}）</translation>
    </message>
    <message>
      <source>Aligning…</source>
      <translation>正在对齐…</translation>
    </message>
    <message>
      <source>Aligning… {done} s of {total} s</source>
      <translation>正在对齐… {done} 秒 / {total} 秒</translation>
    </message>
    <message>
      <source>Detecting the language…</source>
      <translation>正在检测语言…</translation>
    </message>
    <message>
      <source>Looking for an offset or drift…</source>
      <translation>正在查找偏移或漂移…</translation>
    </message>
    <message>
      <source>{url!r} is not a chat server's address; give one as http://host:port or https://host</source>
      <translation>{url!r} 不是聊天服务器的地址；请写成 http://主机:端口 或 https://主机</translation>
    </message>
    <message>
      <source>cannot connect to the chat server at {url}: the connection was refused (is the server running?)</source>
      <translation>无法连接位于 {url} 的聊天服务器：连接被拒绝（服务器在运行吗？）</translation>
    </message>
    <message>
      <source>cannot reach the chat server at {url}: {reason}</source>
      <translation>无法访问位于 {url} 的聊天服务器：{reason}</translation>
    </message>
    <message>
      <source>the chat server at {url} refused the API key (HTTP {status}); set QSS_LLM_API_KEY</source>
      <translation>位于 {url} 的聊天服务器拒绝了 API 密钥（HTTP {status}）；请设置 QSS_LLM_API_KEY</translation>
    </message>
    <message>
      <source>the chat server at {url} has no model {model!r}; pick one it lists</source>
      <translation>位于 {url} 的聊天服务器没有模型 {model!r}；请选择它列出的模型</translation>
    </message>
    <message>
      <source>the chat server at {url} did not answer within {seconds} s</source>
      <translation>位于 {url} 的聊天服务器在 {seconds} 秒内没有应答</translation>
    </message>
    <message>
      <source>the chat server at {url} kept failing (HTTP {status}: {detail})</source>
      <translation>位于 {url} 的聊天服务器一再出错（HTTP {status}：{detail}）</translation>
    </message>
    <message>
      <source>the chat server at {url} rejected the request (HTTP {status}: {detail})</source>
      <translation>位于 {url} 的聊天服务器拒绝了请求（HTTP {status}：{detail}）</translation>
    </message>
    <message>
      <source>the chat server at {url} points to {location}; nothing was sent there (give that address instead)</source>
      <translation>位于 {url} 的聊天服务器指向 {location}；没有向那里发送任何内容（请改用该地址）</translation>
    </message>
    <message>
      <source>the chat server at {url} sent an answer over {limit} kB, which is not a translation</source>
      <translation>位于 {url} 的聊天服务器发来的回答超过 {limit} kB，这不是译文</translation>
    </message>
    <message>
      <source>the chat server at {url} gave an answer that is not a chat completion</source>
      <translation>位于 {url} 的聊天服务器给出的回答不是聊天补全结果</translation>
    </message>
    <message>
      <source>the translation was cancelled</source>
      <translation>翻译已取消</translation>
    </message>
    <message>
      <source>Sending the audio to {url}…</source>
      <translation>正在将音频发送到 {url}…</translation>
    </message>
    <message>
      <source>Recognising on the server: {done} of {total} chunks…</source>
      <translation>正在服务器上识别：第 {done} 块，共 {total} 块…</translation>
    </message>
    <message>
      <source>cannot connect to the recognition server at {url}: the connection was refused (is the server running, and is the address right?)</source>
      <translation>无法连接到 {url} 的识别服务器：连接被拒绝（服务器是否在运行，地址是否正确？）</translation>
    </message>
    <message>
      <source>cannot reach the recognition server at {url}: {reason}</source>
      <translation>无法访问 {url} 的识别服务器：{reason}</translation>
    </message>
    <message>
      <source>the recognition server at {url} refused the API key (HTTP {status}); set QSS_SERVER_API_KEY or keep the server's key in the system keyring</source>
      <translation>{url} 的识别服务器拒绝了 API 密钥（HTTP {status}）；请设置 QSS_SERVER_API_KEY，或将该服务器的密钥保存在系统密钥环中</translation>
    </message>
    <message>
      <source>the recognition server at {url} has no model {model!r}; pick one it lists</source>
      <translation>{url} 的识别服务器没有模型 {model!r}；请选择它列出的模型</translation>
    </message>
    <message>
      <source>the recognition server kept failing (HTTP {status}: {detail})</source>
      <translation>识别服务器一直出错（HTTP {status}：{detail}）</translation>
    </message>
    <message>
      <source>the recognition server rejected the request (HTTP {status}: {detail})</source>
      <translation>识别服务器拒绝了请求（HTTP {status}：{detail}）</translation>
    </message>
    <message>
      <source>the recognition server at {url} did not answer within {seconds} s</source>
      <translation>位于 {url} 的识别服务器未在 {seconds} 秒内应答</translation>
    </message>
    <message>
      <source>the recognition server at {url} points to {location}; nothing was sent there (give that address instead if it is the server)</source>
      <translation>位于 {url} 的识别服务器指向 {location}；没有向该处发送任何内容（如果那才是服务器，请改填该地址）</translation>
    </message>
    <message>
      <source>the recognition server at {url} sent an answer over {limit} kB, which is not a transcription</source>
      <translation>位于 {url} 的识别服务器返回了超过 {limit} kB 的应答，这不是转写结果</translation>
    </message>
    <message>
      <source>the request to the recognition server was cancelled</source>
      <translation>对识别服务器的请求已取消</translation>
    </message>
    <message>
      <source>the recognition server at {url} dropped the connection</source>
      <translation>{url} 的识别服务器断开了连接</translation>
    </message>
    <message>
      <source>the recognition server at {url} gave an answer that is not a transcription</source>
      <translation>{url} 的识别服务器返回的不是转写结果</translation>
    </message>
    <message>
      <source>The batch queue could not be read; it starts empty (the damaged file was kept as {path})</source>
      <translation>无法读取批量队列，队列将从空开始（损坏的文件已保留为 {path}）</translation>
    </message>
    <message>
      <source>The batch queue could not be read ({reason}); it starts empty</source>
      <translation>无法读取批量队列（{reason}）；队列将从空开始</translation>
    </message>
    <message>
      <source>re-timing needs the forced aligner on this machine; it cannot run on the server</source>
      <translation>重新定时需要本机上的强制对齐器，无法在服务器上运行</translation>
    </message>
    <message>
      <source>Decoding…</source>
      <translation>正在解码…</translation>
    </message>
    <message>
      <source>{path}: %n cue(s), language {language}</source>
      <translation>{path}：%n 条字幕，语言 {language}</translation>
    </message>
    <message>
      <source>word times estimated: the aligner does not cover this language</source>
      <translation>词时间为估算值：对齐模型不支持此语言</translation>
    </message>
    <message>
      <source>word times estimated, without the aligner</source>
      <translation>词时间为估计值，未使用对齐器</translation>
    </message>
    <message>
      <source>Translating into {language}: {done} of %n cue(s)</source>
      <translation>正在译成{language}：{done} / %n 条字幕</translation>
    </message>
    <message>
      <source>{path}: %n cue(s) re-timed</source>
      <translation>{path}：已重新定时 %n 条字幕</translation>
    </message>
    <message>
      <source>%n to review (kept their old times)</source>
      <translation>%n 条待复查（保留原时间）</translation>
    </message>
    <message>
      <source>%n cue(s) moved by more than {seconds} s</source>
      <translation>%n 条字幕移动超过 {seconds} 秒</translation>
    </message>
    <message>
      <source>%n cue(s) left in place by more than {seconds} s</source>
      <translation>%n 条字幕偏移超过 {seconds} 秒，保留原位</translation>
    </message>
    <message>
      <source>style names of %n cue(s)</source>
      <translation>%n 条字幕的样式名</translation>
    </message>
    <message>
      <source>speakers of %n cue(s)</source>
      <translation>%n 条字幕的说话人</translation>
    </message>
    <message>
      <source>positions of %n cue(s)</source>
      <translation>%n 条字幕的位置</translation>
    </message>
    <message>
      <source>italics and other markup in %n cue(s)</source>
      <translation>%n 条字幕中的斜体等标记</translation>
    </message>
    <message>
      <source>karaoke timing in %n cue(s)</source>
      <translation>%n 条字幕的卡拉 OK 计时</translation>
    </message>
    <message>
      <source>override tags (\pos, colours, fades...) in %n cue(s)</source>
      <translation>%n 条字幕中的覆盖标签（\pos、颜色、淡入淡出…）</translation>
    </message>
    <message>
      <source>WebVTT cue settings of %n cue(s)</source>
      <translation>%n 条字幕的 WebVTT 字幕设置</translation>
    </message>
    <message>
      <source>the styles and script information of the file it came from</source>
      <translation>来源文件的样式和脚本信息</translation>
    </message>
    <message>
      <source>word timings of %n cue(s)</source>
      <translation>%n 条字幕的逐词时间</translation>
    </message>
    <message>
      <source>{cps} characters per second (limit {limit})</source>
      <translation>每秒 {cps} 个字符（上限 {limit}）</translation>
    </message>
    <message>
      <source>text shown for no time</source>
      <translation>文字显示时间为零</translation>
    </message>
    <message>
      <source>{wpm} words per minute (limit {limit})</source>
      <translation>每分钟 {wpm} 个词（上限 {limit}）</translation>
    </message>
    <message>
      <source>ends at or before its start</source>
      <translation>结束时间不晚于开始时间</translation>
    </message>
    <message>
      <source>on screen {ms} ms (minimum {limit} ms)</source>
      <translation>显示 {ms} 毫秒（最少 {limit} 毫秒）</translation>
    </message>
    <message>
      <source>on screen {ms} ms (maximum {limit} ms)</source>
      <translation>显示 {ms} 毫秒（最多 {limit} 毫秒）</translation>
    </message>
    <message>
      <source>{ms} ms before the next cue (minimum {limit} ms)</source>
      <translation>距下一条字幕 {ms} 毫秒（最少 {limit} 毫秒）</translation>
    </message>
    <message>
      <source>overlaps the next cue by {ms} ms</source>
      <translation>与下一条字幕重叠 {ms} 毫秒</translation>
    </message>
    <message>
      <source>starts before the cue above it</source>
      <translation>开始时间早于上一条字幕</translation>
    </message>
    <message>
      <source>a line of {length} characters (limit {limit})</source>
      <translation>一行有 {length} 个字符（上限 {limit}）</translation>
    </message>
    <message>
      <source>{lines} lines (limit {limit})</source>
      <translation>{lines} 行（上限 {limit}）</translation>
    </message>
    <message>
      <source>unbalanced lines ({top} and {bottom} characters)</source>
      <translation>行长不均衡（{top} 和 {bottom} 个字符）</translation>
    </message>
    <message>
      <source>no text</source>
      <translation>没有文字</translation>
    </message>
    <message>
      <source>spaces at the start or end of a line</source>
      <translation>行首或行尾有空格</translation>
    </message>
    <message>
      <source>double spaces</source>
      <translation>连续空格</translation>
    </message>
    <message>
      <source>repeated word “{word}”</source>
      <translation>重复的词“{word}”</translation>
    </message>
    <message>
      <source>unbalanced tag &lt;{tag}&gt;</source>
      <translation>标签 &lt;{tag}&gt; 未配对</translation>
    </message>
    <message>
      <source>spaces trimmed</source>
      <translation>已删除多余空格</translation>
    </message>
    <message>
      <source>%n cue(s) put back in time order</source>
      <translation>%n 条字幕已按时间重新排序</translation>
    </message>
    <message>
      <source>overlap resolved</source>
      <translation>已消除重叠</translation>
    </message>
    <message>
      <source>gap set to {ms} ms</source>
      <translation>间隔设为 {ms} 毫秒</translation>
    </message>
    <message>
      <source>extended to {ms} ms</source>
      <translation>延长到 {ms} 毫秒</translation>
    </message>
    <message>
      <source>shortened to {ms} ms</source>
      <translation>缩短到 {ms} 毫秒</translation>
    </message>
    <message>
      <source>merged with the next cue</source>
      <translation>已与下一条字幕合并</translation>
    </message>
    <message>
      <source>lines broken again</source>
      <translation>已重新断行</translation>
    </message>
    <message>
      <source>translation: spaces trimmed</source>
      <translation>译文：已删除多余空格</translation>
    </message>
    <message>
      <source>translation: lines broken again</source>
      <translation>译文：已重新断行</translation>
    </message>
    <message>
      <source>full-width punctuation</source>
      <translation>改为全角标点</translation>
    </message>
    <message>
      <source>commas and full stops at line ends removed</source>
      <translation>已删除行尾的逗号和句号</translation>
    </message>
    <message>
      <source>split: too long for {lines} lines</source>
      <translation>已拆分：{lines} 行放不下</translation>
    </message>
    <message>
      <source>{path}: %n change(s)</source>
      <translation>{path}：%n 处更改</translation>
    </message>
    <message>
      <source>starts %n frame(s) from a shot change</source>
      <translation>开始时间距镜头切换 %n 帧</translation>
    </message>
    <message>
      <source>ends %n frame(s) from a shot change</source>
      <translation>结束时间距镜头切换 %n 帧</translation>
    </message>
    <message>
      <source>runs across a shot change at {time}</source>
      <translation>跨越了 {time} 处的镜头切换</translation>
    </message>
    <message>
      <source>start moved onto the shot change</source>
      <translation>开始时间移到镜头切换处</translation>
    </message>
    <message>
      <source>end moved to {frames} frames before the shot change</source>
      <translation>结束时间移到镜头切换前 {frames} 帧</translation>
    </message>
    <message>
      <source>Simplified to Traditional</source>
      <translation>简体转繁体</translation>
    </message>
    <message>
      <source>Traditional to Simplified</source>
      <translation>繁体转简体</translation>
    </message>
    <message>
      <source>Simplified to Traditional (Taiwan characters)</source>
      <translation>简体转繁体（台湾正体）</translation>
    </message>
    <message>
      <source>Traditional (Taiwan characters) to Simplified</source>
      <translation>繁体（台湾正体）转简体</translation>
    </message>
    <message>
      <source>Simplified to Traditional (Taiwan, with Taiwan's words: 软件 → 軟體)</source>
      <translation>简体转繁体（台湾正体，并转换为台湾用词：软件 → 軟體）</translation>
    </message>
    <message>
      <source>Traditional (Taiwan, with Taiwan's words) to Simplified (mainland words: 軟體 → 软件)</source>
      <translation>繁体（台湾正体及用词）转简体（并转换为大陆用词：軟體 → 软件）</translation>
    </message>
    <message>
      <source>Simplified to Traditional (Hong Kong characters)</source>
      <translation>简体转繁体（香港繁体）</translation>
    </message>
    <message>
      <source>Traditional (Hong Kong characters) to Simplified</source>
      <translation>繁体（香港繁体）转简体</translation>
    </message>
    <message>
      <source>Traditional to Taiwan characters</source>
      <translation>繁体转台湾正体</translation>
    </message>
    <message>
      <source>Taiwan characters to Traditional</source>
      <translation>台湾正体转繁体</translation>
    </message>
    <message>
      <source>Traditional to Hong Kong characters</source>
      <translation>繁体转香港繁体</translation>
    </message>
    <message>
      <source>Hong Kong characters to Traditional</source>
      <translation>香港繁体转繁体</translation>
    </message>
    <message>
      <source>Traditional to Japanese Shinjitai</source>
      <translation>繁体转日本新字体</translation>
    </message>
    <message>
      <source>Japanese Shinjitai to Traditional</source>
      <translation>日本新字体转繁体</translation>
    </message>
    <message>
      <source>unknown Chinese conversion {name!r}; use one of: {choices}</source>
      <translation>未知的简繁转换 {name!r}；请使用以下之一：{choices}</translation>
    </message>
    <message>
      <source>Chinese conversion needs the opencc package (pip install opencc)</source>
      <translation>简繁转换需要 opencc 软件包（pip install opencc）</translation>
    </message>
    <message>
      <source>the forced aligner cannot align {language}; it knows {known}</source>
      <translation>强制对齐器无法对齐{language}；它支持的语言有：{known}</translation>
    </message>
    <message>
      <source>the script's language could not be told from its text; give it (the aligner knows {known})</source>
      <translation>无法从文本判断稿本的语言；请指定语言（对齐器支持：{known}）</translation>
    </message>
    <message>
      <source>{path}: no words to align (the script is empty)</source>
      <translation>{path}：没有可对齐的文字（稿本为空）</translation>
    </message>
    <message>
      <source>Aligning the script: {done} of {total} s…</source>
      <translation>正在对齐稿本：{done} / {total} 秒…</translation>
    </message>
    <message>
      <source>{path}: %n cue(s) from the script, language {language}</source>
      <translation>{path}：由稿本生成 %n 条字幕，语言 {language}</translation>
    </message>
    <message>
      <source>{path}: no video stream; subtitles are burned into a picture</source>
      <translation>{path}：没有视频流；字幕只能烧录到画面中</translation>
    </message>
    <message>
      <source>{path}: no frame of the video could be decoded</source>
      <translation>{path}：视频的任何一帧都无法解码</translation>
    </message>
    <message>
      <source>this PyAV has no {encoder} encoder; install PyAV's own wheel (pip install av)</source>
      <translation>此 PyAV 没有 {encoder} 编码器；请安装 PyAV 官方的 wheel 包（pip install av）</translation>
    </message>
    <message>
      <source>--crf {crf}: give a quality from 0 (lossless) to 51 (smallest); 18-23 look good</source>
      <translation>--crf {crf}：请给出 0（无损）到 51（最小）之间的画质；18-23 效果良好</translation>
    </message>
    <message>
      <source>{path}: burned videos are written as MP4; name the output .mp4</source>
      <translation>{path}：烧录字幕的视频以 MP4 写出；请将输出命名为 .mp4</translation>
    </message>
    <message>
      <source>{name}: no cues to burn in</source>
      <translation>{name}：没有可烧录的字幕</translation>
    </message>
    <message>
      <source>{path}: cannot write a {ext} video; use .mkv, .mp4, .mov or .webm</source>
      <translation>{path}：无法写入 {ext} 视频；请用 .mkv、.mp4、.mov 或 .webm</translation>
    </message>
    <message>
      <source>{path}: this container cannot hold {codec} subtitles</source>
      <translation>{path}：此容器无法容纳 {codec} 字幕</translation>
    </message>
    <message>
      <source>{path}: the output would replace the video it is made from; choose another name</source>
      <translation>{path}：输出会覆盖其来源视频；请换一个文件名</translation>
    </message>
    <message>
      <source>{path}: no video stream; subtitle tracks go into a video</source>
      <translation>{path}：没有视频流；字幕轨道只能放入视频</translation>
    </message>
    <message>
      <source>{path}: this container cannot hold stream {stream} ({codec}) without re-encoding; use .mkv</source>
      <translation>{path}：此容器不重新编码就无法容纳流 {stream}（{codec}）；请用 .mkv</translation>
    </message>
    <message>
      <source>{path}: cancelled; nothing was written</source>
      <translation>{path}：已取消；未写入任何内容</translation>
    </message>
    <message>
      <source>{path}: the disk is full ({free} MB free); nothing was written</source>
      <translation>{path}：磁盘已满（剩余 {free} MB）；未写入任何内容</translation>
    </message>
    <message>
      <source>{name}: no cues to put in a track</source>
      <translation>{name}：没有可放入轨道的字幕</translation>
    </message>
    <message>
      <source>unknown language {code!r}; give a code such as en, zh, ja or eng</source>
      <translation>未知语言 {code!r}；请给出 en、zh、ja 或 eng 这样的代码</translation>
    </message>
    <message>
      <source>{count} {option} for {tracks} subtitle file(s)</source>
      <translation>{count} 个 {option}，但只有 {tracks} 个字幕文件</translation>
    </message>
    <message>
      <source>--default {number}: there are {tracks} new track(s)</source>
      <translation>--default {number}：新轨道只有 {tracks} 条</translation>
    </message>
  </context>
  <context>
    <name>PictureController</name>
    <message>
      <source>Picture</source>
      <translation>画面</translation>
    </message>
    <message>
      <source>&amp;Spectrogram</source>
      <translation>频谱图(&amp;S)</translation>
    </message>
    <message>
      <source>Time as &amp;Frames (HH:MM:SS:FF)</source>
      <translation>以帧显示时间(&amp;F)（HH:MM:SS:FF）</translation>
    </message>
    <message>
      <source>Show &amp;Translation on Picture</source>
      <translation>在画面上显示译文(&amp;T)</translation>
    </message>
    <message>
      <source>Previous &amp;Frame</source>
      <translation>上一帧(&amp;F)</translation>
    </message>
    <message>
      <source>Next F&amp;rame</source>
      <translation>下一帧(&amp;R)</translation>
    </message>
    <message>
      <source>Snap to S&amp;hot Changes</source>
      <translation>吸附到镜头切换(&amp;H)</translation>
    </message>
    <message>
      <source>Snap Cue Times to Fra&amp;mes</source>
      <translation>字幕时间对齐到帧(&amp;M)</translation>
    </message>
    <message>
      <source>Finding shot changes</source>
      <translation>正在查找镜头切换</translation>
    </message>
    <message>
      <source>Reading frame times</source>
      <translation>正在读取帧时间</translation>
    </message>
    <message>
      <source>Shot changes</source>
      <translation>镜头切换</translation>
    </message>
    <message>
      <source>Shot changes could not be found: {reason}</source>
      <translation>无法查找镜头切换：{reason}</translation>
    </message>
    <message numerus="yes">
      <source>%n shot change(s) found</source>
      <translation>
        <numerusform>找到 %n 个镜头切换</numerusform>
      </translation>
    </message>
    <message>
      <source>This video cannot be played here ({reason}). The waveform, cues and shot changes still work.</source>
      <translation>此视频无法在这里播放（{reason}）。波形、字幕和镜头切换仍然可用。</translation>
    </message>
    <message>
      <source>no video decoder for this stream</source>
      <translation>没有此视频流的解码器</translation>
    </message>
  </context>
  <context>
    <name>Player</name>
    <message>
      <source>No audio output device was found: playback is silent</source>
      <translation>未找到音频输出设备：播放时没有声音</translation>
    </message>
    <message>
      <source>no audio output</source>
      <translation>没有音频输出</translation>
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
      <translation>语言(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Theme</source>
      <translation>主题(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Keyboard Shortcuts…</source>
      <translation>键盘快捷键(&amp;K)…</translation>
    </message>
    <message>
      <source>No Chinese font is installed, so the window is in English. Install one (Debian and Ubuntu: fonts-noto-cjk) and start again.</source>
      <translation>未安装中文字体，因此窗口显示为英文。请安装中文字体（Debian 和 Ubuntu：fonts-noto-cjk）后重新启动。</translation>
    </message>
    <message>
      <source>System Language</source>
      <translation>系统语言</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>The new language is used from the next start of the app.</source>
      <translation>新语言将在下次启动程序时生效。</translation>
    </message>
    <message>
      <source>Follow the &amp;System</source>
      <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Light</source>
      <translation>浅色(&amp;L)</translation>
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
      <translation>校对</translation>
    </message>
    <message>
      <source>There are no unlocked cues to proofread.</source>
      <translation>没有可校对的未锁定字幕。</translation>
    </message>
    <message>
      <source>Proofreading</source>
      <translation>正在校对</translation>
    </message>
    <message>
      <source>%n cue(s) corrected and marked edited (Re-align Edited Cues re-times [it|them]).</source>
      <translation>已更正 %n 条字幕并标记为已编辑（“重新对齐已编辑的字幕”会重新计时）。</translation>
    </message>
    <message>
      <source>The model found nothing to correct.</source>
      <translation>模型没有发现需要更正的内容。</translation>
    </message>
  </context>
  <context>
    <name>ProofreadDialog</name>
    <message>
      <source>Proofread</source>
      <translation>校对</translation>
    </message>
    <message>
      <source>The model corrects what speech recognition misheard: words that sound alike, names (give them in the context or the glossary), punctuation. You review each correction before it is applied; locked cues are left out.</source>
      <translation>模型会更正语音识别听错的内容：同音或近音字词、人名（请在“背景”或术语表中给出）、标点。每处更正在应用前都由您审阅；锁定的字幕不会被校对。</translation>
    </message>
    <message>
      <source>A text file of names and terms, one a line (optional)</source>
      <translation>人名和术语的文本文件，每行一个（可选）</translation>
    </message>
  </context>
  <context>
    <name>ProofreadReviewDialog</name>
    <message>
      <source>Review corrections</source>
      <translation>审阅更正</translation>
    </message>
    <message numerus="yes">
      <source>The model proposes %n correction(s).</source>
      <translation>
        <numerusform>模型建议了 %n 处更正。</numerusform>
      </translation>
    </message>
    <message>
      <source>Untick what should stay as it is. The cues changed are marked edited, so Re-align Edited Cues re-times them.</source>
      <translation>取消勾选应保持原样的项。被更改的字幕会标记为已编辑，“重新对齐已编辑的字幕”会为它们重新计时。</translation>
    </message>
    <message numerus="yes">
      <source>%n correction(s) that [changes|change] much of a line [is|are] left unticked.</source>
      <translation>
        <numerusform>%n 处改动较大的更正默认未勾选。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n cue(s) got no usable answer and [stays as it is|stay as they are].</source>
      <translation>
        <numerusform>%n 条字幕没有得到可用的回答，保持原样。</numerusform>
      </translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>应用</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>更正前</translation>
    </message>
    <message>
      <source>After</source>
      <translation>更正后</translation>
    </message>
    <message>
      <source>This correction changes much of the line: check it before applying.</source>
      <translation>此更正改动了这一行的大部分内容：应用前请检查。</translation>
    </message>
    <message>
      <source>Tick All</source>
      <translation>全部勾选</translation>
    </message>
    <message>
      <source>Untick All</source>
      <translation>全部取消勾选</translation>
    </message>
  </context>
  <context>
    <name>Quality</name>
    <message>
      <source>Netflix (each language's guide)</source>
      <translation>Netflix（按各语言规范）</translation>
    </message>
    <message>
      <source>Netflix, children's programmes</source>
      <translation>Netflix（儿童节目）</translation>
    </message>
    <message>
      <source>Netflix (20 CPS in every language)</source>
      <translation>Netflix（所有语言每秒 20 字）</translation>
    </message>
    <message>
      <source>BBC (words per minute)</source>
      <translation>BBC（每分钟词数）</translation>
    </message>
    <message>
      <source>Custom</source>
      <translation>自定义</translation>
    </message>
    <message>
      <source>Choose quality profile</source>
      <translation>选择质量规范</translation>
    </message>
  </context>
  <context>
    <name>Realign</name>
    <message>
      <source>Re-align</source>
      <translation>重新对齐</translation>
    </message>
    <message>
      <source>Select the cues to re-align first.</source>
      <translation>请先选择要重新对齐的字幕。</translation>
    </message>
    <message>
      <source>No cue's text has changed since it was timed.</source>
      <translation>定时之后没有任何字幕的文本被修改。</translation>
    </message>
    <message>
      <source>Import the subtitles (File ▸ Import Subtitles) first.</source>
      <translation>请先导入字幕（文件 ▸ 导入字幕）。</translation>
    </message>
    <message>
      <source>Open the video or audio file first.</source>
      <translation>请先打开视频或音频文件。</translation>
    </message>
    <message>
      <source>Detect from the audio</source>
      <translation>从音频检测</translation>
    </message>
    <message>
      <source>Language of the subtitles:</source>
      <translation>字幕的语言：</translation>
    </message>
    <message>
      <source>The subtitles look like {language}, which the forced aligner does not cover.
Language of the subtitles:</source>
      <translation>字幕看起来是{language}，强制对齐器不支持该语言。
字幕的语言：</translation>
    </message>
    <message>
      <source>Align whole file</source>
      <translation>对齐整个文件</translation>
    </message>
    <message>
      <source>Aligning the whole file…</source>
      <translation>正在对齐整个文件…</translation>
    </message>
    <message>
      <source>Re-aligning…</source>
      <translation>正在重新对齐…</translation>
    </message>
    <message>
      <source>The subtitles changed while aligning; nothing was applied.</source>
      <translation>对齐期间字幕已更改；未应用任何更改。</translation>
    </message>
    <message>
      <source>Re-alignment discarded</source>
      <translation>已放弃重新对齐</translation>
    </message>
    <message>
      <source>Re-aligned: %n cue(s) moved</source>
      <translation>已重新对齐：移动了 %n 条字幕</translation>
    </message>
    <message>
      <source>, %n large move(s) rejected</source>
      <translation>，拒绝了 %n 处大幅移动</translation>
    </message>
    <message>
      <source>, %n marked for review (the aligner could not place them)</source>
      <translation>，%n 条标记为待检查（对齐器无法定位）</translation>
    </message>
  </context>
  <context>
    <name>Recognition</name>
    <message>
      <source>Recognize speech</source>
      <translation>语音识别</translation>
    </message>
    <message>
      <source>Open a video or audio file first.</source>
      <translation>请先打开视频或音频文件。</translation>
    </message>
    <message>
      <source>This is already running; cancel it first or wait for it to finish.</source>
      <translation>此任务已在运行；请先取消或等待其完成。</translation>
    </message>
    <message>
      <source>Replace the %n cue(s) you have with the recognised ones? (Undo brings them back.)</source>
      <translation>用识别结果替换现有的 %n 条字幕吗？（撤销可恢复。）</translation>
    </message>
    <message>
      <source>Recognised %n cue(s)</source>
      <translation>已识别 %n 条字幕</translation>
    </message>
    <message>
      <source>Recognising speech…</source>
      <translation>正在识别语音…</translation>
    </message>
  </context>
  <context>
    <name>RecognitionDialog</name>
    <message>
      <source>None (estimate word times)</source>
      <translation>无（估算词时间）</translation>
    </message>
    <message>
      <source>Recognize speech</source>
      <translation>语音识别</translation>
    </message>
    <message>
      <source>Detect automatically</source>
      <translation>自动检测</translation>
    </message>
    <message>
      <source>Automatic (GPU when there is one)</source>
      <translation>自动（有 GPU 时使用 GPU）</translation>
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
      <translation>自动（处理器支持时使用 16 位）</translation>
    </message>
    <message>
      <source>Full (32-bit)</source>
      <translation>完整（32 位）</translation>
    </message>
    <message>
      <source>Half (16-bit bf16)</source>
      <translation>半精度（16 位 bf16）</translation>
    </message>
    <message>
      <source>Fastest (8-bit, less accurate)</source>
      <translation>最快（8 位，准确度较低）</translation>
    </message>
    <message>
      <source>How the models compute on the CPU. Automatic uses 16-bit bf16, the format the models are published in, when the processor has bf16 instructions (Intel Xeon 4th generation and later, AMD Zen 4 and later): half the memory of 32-bit and faster. 8-bit is the fastest and smallest but can recognise words less accurately. A GPU always computes in bf16.</source>
      <translation>模型在 CPU 上的计算精度。“自动”在处理器具备 bf16 指令时（Intel 第四代至强及更新型号、AMD Zen 4 及更新型号）使用 16 位 bf16，即模型发布时的格式：内存只需 32 位的一半，而且更快。8 位最快、最省内存，但识别的字词可能不够准确。GPU 始终以 bf16 计算。</translation>
    </message>
    <message>
      <source>Names and terms that appear in the audio (optional)</source>
      <translation>音频中出现的人名和术语（可选）</translation>
    </message>
    <message>
      <source>Empty: this computer; or a server, e.g. http://gpu-box:8000</source>
      <translation>留空：本机；或服务器，例如 http://gpu-box:8000</translation>
    </message>
    <message>
      <source>An OpenAI-compatible server running Qwen3-ASR (vllm serve Qwen/Qwen3-ASR-1.7B). Its API key comes from the QSS_SERVER_API_KEY environment variable or the system keyring; word times come from the aligner on this computer, or are estimated.</source>
      <translation>运行 Qwen3-ASR 的 OpenAI 兼容服务器（vllm serve Qwen/Qwen3-ASR-1.7B）。其 API 密钥取自环境变量 QSS_SERVER_API_KEY 或系统密钥环；词时间由本机上的对齐器给出，或为估算值。</translation>
    </message>
    <message>
      <source>Test connection</source>
      <translation>测试连接</translation>
    </message>
    <message>
      <source>Model:</source>
      <translation>模型：</translation>
    </message>
    <message>
      <source>Word timing:</source>
      <translation>词级定时：</translation>
    </message>
    <message>
      <source>Language:</source>
      <translation>语言：</translation>
    </message>
    <message>
      <source>Device:</source>
      <translation>设备：</translation>
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
      <translation>服务器：</translation>
    </message>
    <message>
      <source>Server model:</source>
      <translation>服务器模型：</translation>
    </message>
    <message>
      <source>API key:</source>
      <translation>API 密钥：</translation>
    </message>
    <message>
      <source>Recognize</source>
      <translation>识别</translation>
    </message>
    <message>
      <source>Folder…</source>
      <translation>文件夹…</translation>
    </message>
    <message>
      <source>Use a model downloaded to a folder</source>
      <translation>使用已下载到文件夹中的模型</translation>
    </message>
    <message>
      <source>Model folder</source>
      <translation>模型文件夹</translation>
    </message>
    <message>
      <source>Give the server's address first.</source>
      <translation>请先填写服务器地址。</translation>
    </message>
    <message>
      <source>Connecting…</source>
      <translation>正在连接…</translation>
    </message>
    <message>
      <source>Connected. Models: {models}</source>
      <translation>已连接。模型：{models}</translation>
    </message>
  </context>
  <context>
    <name>ReviewDialog</name>
    <message>
      <source>Review large moves</source>
      <translation>检查大幅移动</translation>
    </message>
    <message numerus="yes">
      <source>%n cue(s) would move by more than {seconds} s.</source>
      <translation>
        <numerusform>%n 条字幕的移动将超过 {seconds} 秒。</numerusform>
      </translation>
    </message>
    <message>
      <source>Tick the moves to apply; the others keep their times.</source>
      <translation>勾选要应用的移动；其余字幕保留原时间。</translation>
    </message>
    <message>
      <source>Times below are after removing the {drift}.</source>
      <translation>下方时间为去除{drift}之后的时间。</translation>
    </message>
    <message numerus="yes">
      <source>Applied in any case: %n smaller move(s)</source>
      <translation>
        <numerusform>无论如何都会应用：%n 处较小的移动</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>; %n cue(s) the aligner could not place [keeps its time and is|keep their times and are] marked for review.</source>
      <translation>
        <numerusform>；对齐器无法定位的 %n 条字幕保留原时间，并标记为待检查。</numerusform>
      </translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>应用</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>文本</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>当前</translation>
    </message>
    <message>
      <source>Aligned</source>
      <translation>对齐后</translation>
    </message>
    <message>
      <source>Move</source>
      <translation>移动</translation>
    </message>
    <message>
      <source>Approve All</source>
      <translation>全部批准</translation>
    </message>
    <message>
      <source>Reject All</source>
      <translation>全部拒绝</translation>
    </message>
  </context>
  <context>
    <name>SaveGuard</name>
    <message>
      <source>Overlapping cues</source>
      <translation>字幕重叠</translation>
    </message>
    <message>
      <source>%n cue(s) [overlaps|overlap] the next one.</source>
      <translation>%n 条字幕与下一条重叠。</translation>
    </message>
    <message>
      <source>%n cue(s) [starts|start] before the cue above [it|them].</source>
      <translation>%n 条字幕的开始时间早于上一条。</translation>
    </message>
    <message>
      <source>Players may show them wrongly or leave them out. Save anyway?</source>
      <translation>播放器可能显示错误或略去它们。仍然保存吗？</translation>
    </message>
    <message>
      <source>&amp;Review</source>
      <translation>查看(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Save Anyway</source>
      <translation>仍然保存(&amp;S)</translation>
    </message>
  </context>
  <context>
    <name>ShortcutDialog</name>
    <message>
      <source>Keyboard Shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Shortcut</source>
      <translation>快捷键</translation>
    </message>
    <message>
      <source>&amp;Clear</source>
      <translation>清除(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Reset to Preset</source>
      <translation>恢复为预设(&amp;R)</translation>
    </message>
    <message>
      <source>Preset:</source>
      <translation>预设：</translation>
    </message>
    <message>
      <source>Shortcut for the selected action:</source>
      <translation>所选操作的快捷键：</translation>
    </message>
    <message>
      <source>{key} is bound to both {first} and {second}</source>
      <translation>{key} 同时绑定到了“{first}”和“{second}”</translation>
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
      <translation>正在计算频谱图</translation>
    </message>
    <message>
      <source>Spectrogram</source>
      <translation>频谱图</translation>
    </message>
  </context>
  <context>
    <name>Spelling</name>
    <message>
      <source>Add “{word}” to the word list</source>
      <translation>将“{word}”添加到词表</translation>
    </message>
    <message>
      <source>No Suggestions</source>
      <translation>无建议</translation>
    </message>
    <message>
      <source>Add to Project Word List</source>
      <translation>添加到项目词表</translation>
    </message>
    <message>
      <source>Ignore</source>
      <translation>忽略</translation>
    </message>
    <message>
      <source>Not in the dictionary: {words}</source>
      <translation>不在词典中：{words}</translation>
    </message>
    <message>
      <source>Check &amp;Spelling</source>
      <translation>检查拼写(&amp;S)</translation>
    </message>
    <message>
      <source>Basque</source>
      <translation>巴斯克语</translation>
    </message>
    <message>
      <source>Latvian</source>
      <translation>拉脱维亚语</translation>
    </message>
    <message>
      <source>Spelling &amp;Language</source>
      <translation>拼写语言(&amp;L)</translation>
    </message>
    <message>
      <source>Automatic (Each Cue's Language)</source>
      <translation>自动（按每条字幕的语言）</translation>
    </message>
    <message>
      <source>English: American Spelling</source>
      <translation>英语：美式拼写</translation>
    </message>
    <message>
      <source>English: British Spelling</source>
      <translation>英语：英式拼写</translation>
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
      <translation>停止正在进行的工作</translation>
    </message>
    <message>
      <source>Tasks…</source>
      <translation>任务…</translation>
    </message>
    <message>
      <source>Every running task, each with its progress and Cancel</source>
      <translation>所有正在运行的任务，以及各自的进度和取消按钮</translation>
    </message>
    <message numerus="yes">
      <source>%n task(s) running</source>
      <translation>
        <numerusform>%n 个任务正在运行</numerusform>
      </translation>
    </message>
    <message>
      <source>{title}: cancelled</source>
      <translation>{title}：已取消</translation>
    </message>
    <message>
      <source>Device: {device}</source>
      <translation>设备：{device}</translation>
    </message>
    <message>
      <source>Model: loading {model}…</source>
      <translation>模型：正在加载 {model}…</translation>
    </message>
    <message>
      <source>Model: {model} · aligner {aligner}</source>
      <translation>模型：{model} · 对齐模型 {aligner}</translation>
    </message>
    <message>
      <source>Model: {model}</source>
      <translation>模型：{model}</translation>
    </message>
    <message>
      <source>Aligner: {aligner}</source>
      <translation>对齐模型：{aligner}</translation>
    </message>
    <message>
      <source>Model: not loaded</source>
      <translation>模型：未加载</translation>
    </message>
    <message>
      <source>Memory: {gb:.2f} GB</source>
      <translation>内存：{gb:.2f} GB</translation>
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
      <translation>字幕样式</translation>
    </message>
    <message>
      <source>&amp;Bold</source>
      <translation>粗体(&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Italic</source>
      <translation>斜体(&amp;I)</translation>
    </message>
    <message>
      <source>&amp;Font:</source>
      <translation>字体(&amp;F)：</translation>
    </message>
    <message>
      <source>Text Colour</source>
      <translation>文字颜色</translation>
    </message>
    <message>
      <source>Outline Colour</source>
      <translation>描边颜色</translation>
    </message>
    <message>
      <source>Shadow Colour</source>
      <translation>阴影颜色</translation>
    </message>
    <message>
      <source>&amp;Size (of the picture's height):</source>
      <translation>字号（占画面高度）(&amp;S)：</translation>
    </message>
    <message>
      <source>Text colour:</source>
      <translation>文字颜色：</translation>
    </message>
    <message>
      <source>&amp;Outline (of the text size):</source>
      <translation>描边（占字号）(&amp;O)：</translation>
    </message>
    <message>
      <source>S&amp;hadow (of the picture's height):</source>
      <translation>阴影（占画面高度）(&amp;H)：</translation>
    </message>
    <message>
      <source>&amp;Left and right margins (of the width):</source>
      <translation>左右边距（占画面宽度）(&amp;L)：</translation>
    </message>
    <message>
      <source>&amp;Vertical margin (of the height):</source>
      <translation>垂直边距（占画面高度）(&amp;V)：</translation>
    </message>
    <message>
      <source>Top left</source>
      <translation>左上</translation>
    </message>
    <message>
      <source>Top centre</source>
      <translation>顶部居中</translation>
    </message>
    <message>
      <source>Top right</source>
      <translation>右上</translation>
    </message>
    <message>
      <source>Middle left</source>
      <translation>左侧居中</translation>
    </message>
    <message>
      <source>Middle</source>
      <translation>正中</translation>
    </message>
    <message>
      <source>Middle right</source>
      <translation>右侧居中</translation>
    </message>
    <message>
      <source>Bottom left</source>
      <translation>左下</translation>
    </message>
    <message>
      <source>Bottom centre</source>
      <translation>底部居中</translation>
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
      <translation>译文字号（占原文字号）(&amp;T)：</translation>
    </message>
  </context>
  <context>
    <name>StyleFeature</name>
    <message>
      <source>Subtitle &amp;Style…</source>
      <translation>字幕样式(&amp;S)…</translation>
    </message>
    <message>
      <source>Subtitles look like this</source>
      <translation>字幕看起来是这样</translation>
    </message>
    <message>
      <source>Subtitle style</source>
      <translation>字幕样式</translation>
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
      <translation>所有字幕文件 ({patterns})</translation>
    </message>
    <message>
      <source>All files ({patterns})</source>
      <translation>所有文件 ({patterns})</translation>
    </message>
    <message>
      <source>Export As</source>
      <translation>导出为</translation>
    </message>
    <message>
      <source>Word timing (karaoke)</source>
      <translation>逐词时间（卡拉 OK）</translation>
    </message>
    <message>
      <source>No conversion</source>
      <translation>不转换</translation>
    </message>
    <message>
      <source>Chinese script:</source>
      <translation>中文字形：</translation>
    </message>
    <message>
      <source>{format} files always hold each word's time</source>
      <translation>{format} 文件总是包含每个词的时间</translation>
    </message>
    <message>
      <source>ASS: a karaoke tag before each word; WebVTT: a timestamp before each word</source>
      <translation>ASS：每个词前加卡拉 OK 标记；WebVTT：每个词前加时间戳</translation>
    </message>
    <message>
      <source>{format} files cannot hold word times</source>
      <translation>{format} 文件无法包含逐词时间</translation>
    </message>
    <message>
      <source>Frame rate</source>
      <translation>帧率</translation>
    </message>
    <message>
      <source>{name} counts frames. Frame rate of its video:</source>
      <translation>{name} 以帧计时。其视频的帧率：</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>This file holds captions in several languages. Read:</source>
      <translation>此文件包含多种语言的字幕。读取：</translation>
    </message>
    <message>
      <source>{path}: cannot be written ({reason})</source>
      <translation>{path}：无法写入（{reason}）</translation>
    </message>
    <message numerus="yes">
      <source>Exported %n cue(s) to {path}</source>
      <translation>
        <numerusform>已导出 %n 条字幕到 {path}</numerusform>
      </translation>
    </message>
    <message>
      <source>{format} does not keep everything these subtitles have. Left out:</source>
      <translation>{format} 无法保存这些字幕的全部内容。已省略：</translation>
    </message>
  </context>
  <context>
    <name>TaskDock</name>
    <message>
      <source>Tasks</source>
      <translation>任务</translation>
    </message>
  </context>
  <context>
    <name>TaskList</name>
    <message>
      <source>Nothing is running.</source>
      <translation>没有正在运行的任务。</translation>
    </message>
  </context>
  <context>
    <name>TaskManager</name>
    <message>
      <source>This is already running; cancel it first or wait for it to finish.</source>
      <translation>此任务已在运行；请先取消或等待其完成。</translation>
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
      <translation>停止此任务</translation>
    </message>
  </context>
  <context>
    <name>Tasks</name>
    <message>
      <source>{h} h {min:02d} min</source>
      <translation>{h} 小时 {min:02d} 分</translation>
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
      <translation>{percent} — 剩余 {time}</translation>
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
      <translation>导入字幕轨道</translation>
    </message>
    <message>
      <source>{name} has subtitle tracks. Import one to work on it?</source>
      <translation>{name} 带有字幕轨道。要导入一个进行编辑吗？</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Not Now</source>
      <translation>暂不</translation>
    </message>
    <message>
      <source>Track {number}</source>
      <translation>轨道 {number}</translation>
    </message>
    <message>
      <source>(default)</source>
      <translation>（默认）</translation>
    </message>
    <message>
      <source>— pictures of text: needs OCR, cannot be imported</source>
      <translation>— 文字图像：需要 OCR，无法导入</translation>
    </message>
  </context>
  <context>
    <name>TranslateDialog</name>
    <message>
      <source>Translate</source>
      <translation>翻译</translation>
    </message>
    <message>
      <source>List Models</source>
      <translation>列出模型</translation>
    </message>
    <message>
      <source>What the video is about: names, subject, tone</source>
      <translation>视频的内容：人名、主题、语气</translation>
    </message>
    <message>
      <source>A text file, 'term = translation' a line (optional)</source>
      <translation>文本文件，每行一条“术语 = 译法”（可选）</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <source>Only cues without a translation (resume)</source>
      <translation>只翻译尚无译文的字幕（续译）</translation>
    </message>
    <message>
      <source>The API key is read from the QSS_LLM_API_KEY environment variable or the system keyring; one typed here serves until you quit, unless you save it in the keyring. It is never stored in a file. Local servers need none.</source>
      <translation>API 密钥从环境变量 QSS_LLM_API_KEY 或系统密钥环读取；在此输入的密钥在退出程序前有效，除非将其保存到密钥环。密钥绝不写入文件。本地服务器不需要密钥。</translation>
    </message>
    <message>
      <source>Server:</source>
      <translation>服务器：</translation>
    </message>
    <message>
      <source>API key:</source>
      <translation>API 密钥：</translation>
    </message>
    <message>
      <source>Model:</source>
      <translation>模型：</translation>
    </message>
    <message>
      <source>Translate into:</source>
      <translation>译成：</translation>
    </message>
    <message>
      <source>Context:</source>
      <translation>背景：</translation>
    </message>
    <message>
      <source>Glossary:</source>
      <translation>术语表：</translation>
    </message>
    <message>
      <source>Requests at once:</source>
      <translation>同时请求数：</translation>
    </message>
    <message>
      <source>Give the server's address first.</source>
      <translation>请先填写服务器地址。</translation>
    </message>
    <message>
      <source>Asking the server for its models…</source>
      <translation>正在向服务器查询模型…</translation>
    </message>
    <message>
      <source>The server lists %n model(s).</source>
      <translation>服务器列出了 %n 个模型。</translation>
    </message>
    <message>
      <source>Glossary</source>
      <translation>术语表</translation>
    </message>
    <message>
      <source>Text files (*.txt);;All files (*)</source>
      <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Give the server and the model.</source>
      <translation>请填写服务器和模型。</translation>
    </message>
    <message>
      <source>Give the server, the model and the language.</source>
      <translation>请填写服务器、模型和语言。</translation>
    </message>
  </context>
  <context>
    <name>TranslateToBox</name>
    <message>
      <source>No translation</source>
      <translation>不翻译</translation>
    </message>
    <message>
      <source>Translate each file's subtitles into this language and write both languages, the original first. The chat server, model, context and glossary are those of Recognition ▸ Translate…</source>
      <translation>将每个文件的字幕译成此语言，并写入两种语言，原文在前。聊天服务器、模型、上下文和术语表沿用 识别 ▸ 翻译… 中的设置</translation>
    </message>
  </context>
  <context>
    <name>Translation</name>
    <message>
      <source>Translate</source>
      <translation>翻译</translation>
    </message>
    <message>
      <source>There are no cues to translate.</source>
      <translation>没有可翻译的字幕。</translation>
    </message>
    <message>
      <source>Every cue has a translation already.</source>
      <translation>每条字幕都已有译文。</translation>
    </message>
    <message>
      <source>Translating into {language}</source>
      <translation>正在译成{language}</translation>
    </message>
    <message>
      <source>%n translation(s) to review (marked in the list).</source>
      <translation>%n 条译文待检查（已在列表中标出）。</translation>
    </message>
  </context>
  <context>
    <name>TranslationBox</name>
    <message>
      <source>Translation</source>
      <translation>译文</translation>
    </message>
    <message>
      <source>Edit translation</source>
      <translation>编辑译文</translation>
    </message>
    <message>
      <source>to review</source>
      <translation>待检查</translation>
    </message>
  </context>
  <context>
    <name>VideoTracksDialog</name>
    <message>
      <source>Export Video with Subtitle Tracks</source>
      <translation>导出带字幕轨道的视频</translation>
    </message>
    <message>
      <source>Subtitles</source>
      <translation>字幕</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Default</source>
      <translation>默认</translation>
    </message>
    <message numerus="yes">
      <source>The open document (%n cue(s))</source>
      <translation>
        <numerusform>当前打开的文档（%n 条字幕）</numerusform>
      </translation>
    </message>
    <message>
      <source>Keep the video's own subtitle tracks</source>
      <translation>保留视频原有的字幕轨道</translation>
    </message>
    <message>
      <source>Add Files…</source>
      <translation>添加文件…</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Video:</source>
      <translation>视频：</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <source>Save as:</source>
      <translation>保存为：</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Every stream of the video is copied as it is. MKV takes SubRip or ASS tracks, MP4 timed text, WebM WebVTT: subtitles of another format are converted.</source>
      <translation>视频的每条流都原样复制。MKV 容纳 SubRip 或 ASS 轨道，MP4 容纳定时文本，WebM 容纳 WebVTT：其他格式的字幕会被转换。</translation>
    </message>
    <message>
      <source>A code such as en, zh or ja; empty: the cues' own language</source>
      <translation>en、zh 或 ja 这样的代码；留空：使用字幕自身的语言</translation>
    </message>
    <message>
      <source>Add Subtitle Files</source>
      <translation>添加字幕文件</translation>
    </message>
    <message>
      <source>Choose the Video</source>
      <translation>选择视频</translation>
    </message>
    <message>
      <source>Videos ({patterns})</source>
      <translation>视频 ({patterns})</translation>
    </message>
    <message>
      <source>Save the Video As</source>
      <translation>视频另存为</translation>
    </message>
    <message>
      <source>Matroska (*.mkv);;MP4 (*.mp4);;WebM (*.webm)</source>
      <translation>Matroska (*.mkv);;MP4 (*.mp4);;WebM (*.webm)</translation>
    </message>
    <message>
      <source>Writing {name}…</source>
      <translation>正在写入 {name}…</translation>
    </message>
    <message>
      <source>the open document</source>
      <translation>当前打开的文档</translation>
    </message>
    <message>
      <source>Wrote {path} with %n new subtitle track(s)</source>
      <translation>已写入 {path}，新增 %n 条字幕轨道</translation>
    </message>
  </context>
  <context>
    <name>Worker</name>
    <message>
      <source>{name}: out of memory</source>
      <translation>{name}：内存不足</translation>
    </message>
    <message>
      <source>{name} failed: {error}</source>
      <translation>{name} 失败：{error}</translation>
    </message>
  </context>
</TS>
