<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccuracyPlot</name>
    <message>
        <location filename="../../playground/gui/plots/accuracy_plot.py" line="+35"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accuracy (%)</source>
        <translation>准确率 (%)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Accuracy is only measured for classification.</source>
        <translation>只有分类任务才计算准确率。</translation>
    </message>
</context>
<context>
    <name>AutosaveController</name>
    <message>
        <location filename="../../playground/gui/document/autosave_controller.py" line="+108"/>
        <source>Save the experiment yourself to keep your work safe.</source>
        <translation>请自己保存实验，以免丢失工作。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>One more autosaved experiment is kept; it is offered at the next start.</source>
        <translation>另有 1 个自动保存的实验被保留；下次启动时会再次提供。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n more autosaved experiments are kept; they are offered at the next start.</source>
        <translation>
            <numerusform>另有 %n 个自动保存的实验被保留；下次启动时会再次提供。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The autosaved experiment could not be restored: {reason}</source>
        <translation>无法恢复自动保存的实验：{reason}</translation>
    </message>
</context>
<context>
    <name>BackwardCallsTable</name>
    <message>
        <location filename="../../playground/gui/lab/backward_calls.py" line="+56"/>
        <source>Call</source>
        <translation>调用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>backward() of</source>
        <translation>backward() 的对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1.grad after</source>
        <translation>之后的 %1.grad</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>— (not made yet)</source>
        <translation>—（尚未生成）</translation>
    </message>
</context>
<context>
    <name>BackwardStepper</name>
    <message>
        <location filename="../../playground/gui/lab/backward_stepper.py" line="+44"/>
        <source>Which backward() call to step through</source>
        <extracomment>(label, milliseconds between steps) for Play.</extracomment>
        <translation>要逐步查看哪一次 backward() 调用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+129"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>Run all</source>
        <translation>全部运行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slow</source>
        <translation>慢</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fast</source>
        <translation>快</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How fast Play steps through backward</source>
        <translation>播放时逐步执行 backward 的速度</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Go back one node</source>
        <translation>后退一个节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the next node of backward</source>
        <translation>执行 backward 的下一个节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run every remaining node</source>
        <translation>执行剩下的所有节点</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>call %1: %2.backward(), line %3</source>
        <translation>第 %1 次调用：%2.backward()，第 %3 行</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>no backward() in this script</source>
        <translation>这个脚本里没有 backward()</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>before backward()</source>
        <translation>backward() 之前</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
</context>
<context>
    <name>ChainRulePanel</name>
    <message>
        <location filename="../../playground/gui/lab/chain_rule_panel.py" line="+47"/>
        <source>At this node</source>
        <translation>在这个节点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Numbers (from torch)</source>
        <translation>数值（来自 torch）</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>No backward() call to step through.</source>
        <translation>没有可以逐步查看的 backward() 调用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call backward() on a single number, for example z.backward(), to see the gradient flow.</source>
        <translation>对一个单独的数调用 backward()，例如 z.backward()，就能看到梯度的流动。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Before %1.backward(): %2 steps to run</source>
        <translation>%1.backward() 之前：还有 %2 步要执行</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backward starts at %1 with the gradient 1 (∂%1/∂%1 = 1). Press Next.</source>
        <translation>反向传播从 %1 开始，梯度为 1（∂%1/∂%1 = 1）。请按“下一步”。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1 步，共 %2 步：%3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1.grad after this backward()</source>
        <translation>这次 backward() 之后的 %1.grad</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>AccumulateGrad adds the arriving gradient to the leaf&apos;s .grad (it is not replaced).</source>
        <translation>AccumulateGrad 把传来的梯度加到叶子张量的 .grad 上（不是替换）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chain rule: each input gets the arriving gradient times this operation&apos;s local derivative with respect to that input.</source>
        <translation>链式法则：每个输入得到的梯度 = 传来的梯度 × 这个运算对该输入的局部导数。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>gradient arriving (%1)</source>
        <translation>传来的梯度（%1）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>passed to input %1 → %2</source>
        <translation>传给输入 %1 → %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>input %1 needs no gradient</source>
        <translation>输入 %1 不需要梯度</translation>
    </message>
</context>
<context>
    <name>Classroom</name>
    <message>
        <location filename="../../playground/gui/shell/classroom.py" line="+40"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log and parameters</source>
        <translation>日志和参数</translation>
    </message>
</context>
<context>
    <name>ColumnChoice</name>
    <message>
        <location filename="../../playground/gui/data/column_choice.py" line="+39"/>
        <source>Tick the columns the network gets as inputs.</source>
        <translation>勾选网络用作输入的列。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The column the network learns to predict.</source>
        <translation>网络要学着预测的列。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tick more columns to predict several numbers at once (regression).</source>
        <translation>多勾选几列，就能同时预测多个数字（回归）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Decide from the target column</source>
        <translation>根据目标列决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classification (predict a class)</source>
        <translation>分类（预测类别）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regression (predict numbers)</source>
        <translation>回归（预测数字）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Standardise inputs (mean 0, spread 1)</source>
        <translation>标准化输入（均值 0，标准差 1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Usually helps training: inputs get similar scales.</source>
        <translation>通常有助于训练：各输入的数值范围会相近。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also predict</source>
        <translation>同时预测</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>This is the target column.</source>
        <translation>这是目标列。</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%n target columns: a regression that predicts each of them.</source>
        <translation>
            <numerusform>%n 个目标列：用回归分别预测每一列。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos; holds only the whole numbers %2, so it is read as %3 classes. Choose Regression to predict it as a number.</source>
        <translation>“%1”只含整数 %2，所以被当作 %3 个类别。若要把它当作数字来预测，请选择回归。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&apos;%1&apos; holds only the whole numbers %2: choose Classification to treat them as classes.</source>
        <translation>“%1”只含整数 %2：若要把它们当作类别，请选择分类。</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../playground/gui/shell/command_table.py" line="+57"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>E&amp;xamples</source>
        <translation>示例(&amp;X)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new experiment: a small network on the default data.</source>
        <translation>新建一个实验：在默认数据上使用一个小网络。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open an experiment file.</source>
        <translation>打开一个实验文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the experiment.</source>
        <translation>保存实验。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the experiment under a new name.</source>
        <translation>用新名字保存实验。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trained &amp;Weights…</source>
        <translation>训练后的权重(&amp;W)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the model&apos;s weights as a .safetensors file.</source>
        <translation>把模型的权重保存为 .safetensors 文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;TorchScript Model…</source>
        <translation>&amp;TorchScript 模型…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the model as TorchScript to use without this app.</source>
        <translation>把模型保存为 TorchScript，不用本应用也能使用。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;ONNX Model…</source>
        <translation>&amp;ONNX 模型…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the model as ONNX for other runtimes and tools.</source>
        <translation>把模型保存为 ONNX，供其他运行时和工具使用。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training &amp;Script…</source>
        <translation>训练脚本(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a Python script that builds and trains this experiment with PyTorch.</source>
        <translation>保存一个用 PyTorch 构建并训练这个实验的 Python 脚本。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plots as &amp;PNG…</source>
        <translation>图表存为 &amp;PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save every plot as a PNG picture into a folder.</source>
        <translation>把每张图表保存为 PNG 图片，放进一个文件夹。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plots as &amp;SVG…</source>
        <translation>图表存为 &amp;SVG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save every plot as an SVG drawing into a folder.</source>
        <translation>把每张图表保存为 SVG 矢量图，放进一个文件夹。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Metrics as CSV…</source>
        <translation>指标存为 CSV(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the loss and accuracy of every epoch as a table.</source>
        <translation>把每一轮的损失和准确率保存为表格。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close Torch Playground.</source>
        <translation>关闭 Torch Playground。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the last change.</source>
        <translation>撤销上一次修改。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo the change just undone.</source>
        <translation>重做刚刚撤销的修改。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Add Layer…</source>
        <translation>添加层(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a layer kind to add after the selected layer.</source>
        <translation>查找一种层，添加到所选层之后。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>D&amp;uplicate Layer</source>
        <translation>复制层(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate the selected layer.</source>
        <translation>复制所选的层。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Re&amp;move Layer</source>
        <translation>删除层(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected layer.</source>
        <translation>删除所选的层。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move Layer U&amp;p</source>
        <translation>上移层(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected layer up.</source>
        <translation>把所选的层上移。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move Layer Do&amp;wn</source>
        <translation>下移层(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected layer down.</source>
        <translation>把所选的层下移。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start or pause training.</source>
        <translation>开始或暂停训练。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause training</source>
        <translation>暂停训练</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Step batch</source>
        <translation>单步一批</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train on one batch, then pause.</source>
        <translation>训练一个批次，然后暂停。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Step epoch</source>
        <translation>单步一轮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train to the end of this epoch, then pause.</source>
        <translation>训练到这一轮结束，然后暂停。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the run (the trained weights stay).</source>
        <translation>结束这次训练（训练好的权重会保留）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Slo&amp;wer</source>
        <translation>减速(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train fewer steps per second, to watch each one.</source>
        <translation>每秒训练更少的步，以便看清每一步。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Faster</source>
        <translation>加速(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train more steps per second, up to full speed.</source>
        <translation>每秒训练更多的步，最快到全速。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget the training and start again from the first weights.</source>
        <translation>丢弃训练结果，从最初的权重重新开始。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the data panel.</source>
        <translation>显示或隐藏数据面板。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the layer editor.</source>
        <translation>显示或隐藏层编辑器。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the network diagram.</source>
        <translation>显示或隐藏网络图。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the training settings.</source>
        <translation>显示或隐藏训练设置。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Runs</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the list of finished runs.</source>
        <translation>显示或隐藏已完成训练的列表。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the lesson panel.</source>
        <translation>显示或隐藏课程面板。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log and parameters</source>
        <translation>日志和参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the training log and the parameter table.</source>
        <translation>显示或隐藏训练日志和参数表。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the panels back in their usual places; wide windows show them side by side.</source>
        <translation>把各面板放回原来的位置；窗口够宽时并排显示。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Dark Theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switch between light and dark colours.</source>
        <translation>在浅色和深色之间切换。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Bigger Text</source>
        <translation>放大文字(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make all text larger.</source>
        <translation>让所有文字变大。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Smaller Text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make all text smaller.</source>
        <translation>让所有文字变小。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Normal Text Size</source>
        <translation>正常文字大小(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return to the normal text size.</source>
        <translation>恢复正常的文字大小。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Presentation</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full screen with large text, for showing a class; press again to leave.</source>
        <translation>全屏并使用大字，适合课堂展示；再按一次退出。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Autograd Lab</source>
        <translation>自动求导实验室(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a few tensor lines and see the graph torch builds and its gradients.</source>
        <translation>写几行张量代码，看看 torch 构建的计算图和梯度。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loss &amp;Landscape</source>
        <translation>损失曲面(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See the loss over the model&apos;s weights and how optimizers walk on it.</source>
        <translation>查看损失随模型权重的变化，以及优化器在上面怎样行走。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Lessons…</source>
        <translation>课程(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a lesson that walks through the course.</source>
        <translation>打开一节带你学习课程内容的课。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List every keyboard shortcut.</source>
        <translation>列出所有键盘快捷键。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About Torch Playground</source>
        <translation>关于 Torch Playground(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version and credits.</source>
        <translation>版本和致谢。</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../playground/gui/runs/compare_view.py" line="+58"/>
        <source>Run {number} has the same settings as run {base}.</source>
        <translation>第 {number} 次训练与第 {base} 次的设置相同。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run {number} vs run {base}: {change}</source>
        <translation>第 {number} 次对比第 {base} 次：{change}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Compare runs</source>
        <translation>比较训练记录</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <location line="+68"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="-73"/>
        <location line="+6"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show the training loss of every step</source>
        <translation>显示每一步的训练损失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Per-step losses jump with every batch; the epoch means are easier to compare.</source>
        <translation>每一步的损失随批次上下跳动；按轮次取平均更容易比较。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose two or more runs to see which settings differ.</source>
        <translation>选择两次或更多次训练，查看哪些设置不同。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Settings that differ&lt;/b&gt;</source>
        <translation>&lt;b&gt;不同的设置&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Run {number}</source>
        <translation>第 {number} 次</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>These runs have no validation data.</source>
        <translation>这些训练没有验证数据。</translation>
    </message>
</context>
<context>
    <name>ConfusionPlot</name>
    <message>
        <location filename="../../playground/gui/plots/confusion_plot.py" line="+51"/>
        <location line="+92"/>
        <source>Confusion matrix</source>
        <extracomment>Counts are written into the cells up to this many classes; beyond, the colours say it.</extracomment>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Confusion matrix (%1 data, %n samples)</source>
        <translation>
            <numerusform>混淆矩阵（%1数据，%n 个样本）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The confusion matrix appears once a classification run has started.</source>
        <translation>开始一次分类训练后，这里会显示混淆矩阵。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The confusion matrix is drawn for classification only.</source>
        <translation>混淆矩阵只用于分类。</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <location filename="../../playground/gui/data/csv_import_dialog.py" line="+43"/>
        <source>Import a CSV table</source>
        <translation>导入 CSV 表格</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose a .csv file…</source>
        <translation>选择一个 .csv 文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Use this table</source>
        <translation>使用这个表格</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>names the columns</source>
        <translation>是列名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is data (the table has no header)</source>
        <translation>是数据（表格没有表头）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not data: skip it</source>
        <translation>不是数据：跳过它</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>scikit-learn&apos;s own CSV files start with counts and class names: skip that row.</source>
        <translation>scikit-learn 自带的 CSV 文件以数量和类别名开头：请跳过这一行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>column 1, column 2, …</source>
        <translation>column 1, column 2, …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Names for the columns, separated by commas (empty: column 1, column 2, …).</source>
        <translation>各列的名字，用逗号分隔（留空时为 column 1, column 2, …）。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The first row</source>
        <translation>第一行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column names</source>
        <translation>列名</translation>
    </message>
    <message numerus="yes">
        <location line="+59"/>
        <source>%n rows</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n columns; the first rows are shown.</source>
        <translation>
            <numerusform>%n 列；这里显示前面几行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Only the first %n columns are drawn.</source>
        <translation>
            <numerusform>只显示前 %n 列。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Some column names are numbers (%1): if the first row does not name the columns, say so above.</source>
        <translation>有些列名是数字（%1）：如果第一行不是列名，请在上方说明。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a CSV file first.</source>
        <translation>请先选择一个 CSV 文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tick at least one input column.</source>
        <translation>请至少勾选一个输入列。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Choose a CSV table</source>
        <translation>选择 CSV 表格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV tables (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 表格 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>CurvePlot</name>
    <message>
        <location filename="../../playground/gui/plots/curve_plot.py" line="+37"/>
        <source>Fitted curve</source>
        <translation>拟合曲线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>validation data</source>
        <translation>验证数据</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The fitted curve is drawn for regression with one input.</source>
        <translation>只有单输入的回归任务才画拟合曲线。</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../../playground/gui/data/data_panel.py" line="+80"/>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train on your own table of numbers (a .csv file).</source>
        <translation>用你自己的数字表格（.csv 文件）训练。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type or paste data…</source>
        <translation>输入表格…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type a small table, or paste one from a spreadsheet; it is saved with the experiment.</source>
        <translation>输入一张小表格，或从电子表格粘贴；它会随实验一起保存。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick a new seed: new random points from the same recipe.</source>
        <translation>换一个随机种子：按同样的方法生成新的随机点。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1×8×8 pictures (for Conv2d)</source>
        <translation>1×8×8 图像（用于 Conv2d）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add {feature} as an extra input computed from x1 and x2.</source>
        <translation>添加由 x1 和 x2 计算出的额外输入 {feature}。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra inputs</source>
        <translation>额外输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plots show</source>
        <translation>图表显示</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Table: {file}</source>
        <translation>表格：{file}</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Your table {file}.</source>
        <translation>你的表格 {file}。</translation>
    </message>
</context>
<context>
    <name>DataPreview</name>
    <message>
        <location filename="../../playground/gui/data/data_preview.py" line="+52"/>
        <source>Other inputs at their mean: %1</source>
        <translation>其他输入取均值：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shows 2 of the %n inputs; the map holds the others at their mean: %1. Pick the pair in the data panel.</source>
        <translation>显示 %n 个输入中的 2 个；图中其他输入取均值：%1。可在数据面板中选择显示哪两个。</translation>
    </message>
    <message>
        <location line="+51"/>
        <location line="+138"/>
        <source>training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>Choose a data set.</source>
        <translation>请选择一个数据集。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>This data cannot be drawn in two dimensions.</source>
        <translation>这些数据无法画在二维平面上。</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>validation (hollow)</source>
        <translation>验证集（空心）</translation>
    </message>
</context>
<context>
    <name>DecisionPlot</name>
    <message>
        <location filename="../../playground/gui/plots/decision_plot.py" line="+57"/>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The decision boundary is drawn for data with two inputs (x1, x2).</source>
        <translation>只有两个输入（x1、x2）的数据才画决策边界。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>validation (hollow)</source>
        <translation>验证集（空心）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>class {number}</source>
        <translation>类别 {number}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>training data</source>
        <translation>训练数据</translation>
    </message>
</context>
<context>
    <name>DevicePicker</name>
    <message>
        <location filename="../../playground/gui/training/device_picker.py" line="+35"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The best device here: a CUDA GPU, then MPS, then the CPU.</source>
        <translation>这里最好的设备：先 CUDA GPU，再 MPS，最后 CPU。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Where the network trains. Small networks are often fastest on the CPU.</source>
        <translation>网络在哪个设备上训练。小网络往往在 CPU 上最快。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{device} (not available)</source>
        <translation>{device}（不可用）</translation>
    </message>
</context>
<context>
    <name>DiagnosisView</name>
    <message>
        <location filename="../../playground/gui/plots/diagnosis_view.py" line="+23"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start training to have the gradients checked for common problems.</source>
        <translation>开始训练后，会检查梯度是否有常见问题。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No problems found: the gradients of every layer look healthy.</source>
        <translation>没有发现问题：每一层的梯度看起来都很健康。</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>1 thing to look at:</source>
        <translation>有 1 处需要注意：</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n things to look at:</source>
        <translation>
            <numerusform>有 %n 处需要注意：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing is wrong; some notes:</source>
        <translation>没有问题；一些提示：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the whole model</source>
        <translation>整个模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>layer {number}</source>
        <translation>第 {number} 层</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;{severity} ({where}):&lt;/b&gt; {message}&lt;br&gt;&lt;i&gt;Try:&lt;/i&gt; {hint}</source>
        <translation>&lt;b&gt;{severity}（{where}）：&lt;/b&gt;{message}&lt;br&gt;&lt;i&gt;试试：&lt;/i&gt;{hint}</translation>
    </message>
</context>
<context>
    <name>ErrorHook</name>
    <message>
        <location filename="../../playground/gui/shell/error_hook.py" line="+37"/>
        <source>Something unexpected went wrong ({detail}).</source>
        <translation>发生了意外错误（{detail}）。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The app keeps running and your experiment is unchanged. Details for a bug report were written to {path}.</source>
        <translation>应用会继续运行，你的实验没有变化。用于报告错误的详细信息已写入 {path}。</translation>
    </message>
</context>
<context>
    <name>ExperimentDocument</name>
    <message>
        <location filename="../../playground/gui/document/experiment_document.py" line="+47"/>
        <source>Runs</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>Opened {name}.</source>
        <translation>已打开 {name}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved {name} without the weights of the run in progress; pause or stop it and save again to keep them.</source>
        <translation>已保存 {name}，但没有包含正在进行的训练的权重；请暂停或停止训练后再保存一次。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved {name}.</source>
        <translation>已保存 {name}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Restored the experiment from the autosave; save it to keep it.</source>
        <translation>已从自动保存中恢复实验；请保存以便保留。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>A paired run cannot start until the problems shown are fixed.</source>
        <translation>必须先修正显示的问题，才能开始对照训练。</translation>
    </message>
</context>
<context>
    <name>ExperimentFiles</name>
    <message>
        <location filename="../../playground/gui/document/experiment_files.py" line="+37"/>
        <source>Experiments (*.playground *.json);;All files (*)</source>
        <translation>实验 (*.playground *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Experiment with weights and runs (*.playground);;Settings only (*.json)</source>
        <translation>实验连同权重和训练记录 (*.playground);;只有设置 (*.json)</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Open an experiment</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not open {file}.</source>
        <translation>无法打开 {file}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not open {file}: an unexpected problem stopped reading it; open an earlier copy of the file</source>
        <translation>无法打开 {file}：读取时遇到了意外问题；请打开这个文件较早的副本</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Save the experiment</source>
        <translation>保存实验</translation>
    </message>
</context>
<context>
    <name>ExperimentModel</name>
    <message>
        <location filename="../../playground/gui/document/experiment_model.py" line="+84"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} (changed)</source>
        <translation>{name}（已修改）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Change {setting}</source>
        <translation>修改 {setting}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose optimizer {kind}</source>
        <translation>选择优化器 {kind}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose schedule {kind}</source>
        <translation>选择学习率调度 {kind}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose loss {loss}</source>
        <translation>选择损失函数 {loss}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Start the weights as {init}</source>
        <translation>初始权重改为 {init}</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../playground/gui/document/export_commands.py" line="+44"/>
        <source>trained weights</source>
        <extracomment>How sentences name each format: proper names keep their capitals (ONNX, TorchScript). Marked for translation here, translated when shown.</extracomment>
        <translation>训练好的权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TorchScript model</source>
        <translation>TorchScript 模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ONNX model</source>
        <translation>ONNX 模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training script</source>
        <translation>训练脚本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Weights (*.safetensors)</source>
        <translation>权重 (*.safetensors)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TorchScript (*.pt)</source>
        <translation>TorchScript (*.pt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ONNX (*.onnx)</source>
        <translation>ONNX (*.onnx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Python script (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the system refused</source>
        <translation>系统拒绝了</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not write %1: %2; choose another folder</source>
        <translation>无法写入 %1：%2；请选择另一个文件夹</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>An export is still being written; wait for it to finish.</source>
        <translation>还有一个导出正在写入；请等它完成。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export the %1</source>
        <translation>导出%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Exporting the %1 to %2…</source>
        <translation>正在把%1导出到 %2…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The %1 could not be exported: %2</source>
        <translation>无法导出%1：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The %1 could not be exported (%2); try TorchScript or the weights instead</source>
        <translation>无法导出%1（%2）；请改用 TorchScript 或权重</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved the %1 as %2.</source>
        <translation>已把%1保存为 %2。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>There are no metrics to save yet; train for at least one epoch first</source>
        <translation>还没有可保存的指标；请先至少训练一轮</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export the metrics</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved the metrics of %n epochs as %1.</source>
        <translation>已把 %n 轮的指标保存为 %1。</translation>
    </message>
</context>
<context>
    <name>FilePrompts</name>
    <message>
        <location filename="../../playground/gui/document/file_prompts.py" line="+18"/>
        <source>Torch Playground did not close properly last time. Restore the experiment you were working on?</source>
        <translation>Torch Playground 上次没有正常关闭。要恢复你当时正在做的实验吗？</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Save changes?</source>
        <translation>保存修改吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do you want to save the changes to {name}?</source>
        <translation>要保存对 {name} 的修改吗？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>If you do not save, the changes and the trained weights are lost.</source>
        <translation>如果不保存，修改和训练好的权重都会丢失。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Restore your work?</source>
        <translation>恢复你的工作吗？</translation>
    </message>
</context>
<context>
    <name>FreshModel</name>
    <message>
        <location filename="../../playground/gui/training/fresh_model.py" line="+106"/>
        <source>The parameters can be set once the experiment can train; fix the problems shown first.</source>
        <translation>实验可以训练后才能设置参数；请先修正显示的问题。</translation>
    </message>
</context>
<context>
    <name>GradientNormPlot</name>
    <message>
        <location filename="../../playground/gui/plots/gradients_plot.py" line="+61"/>
        <source>Details for:</source>
        <translation>详细查看：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Gradient norm per parameter</source>
        <translation>每个参数的梯度范数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>norm</source>
        <translation>范数</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Current gradient values</source>
        <translation>当前的梯度值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>count</source>
        <translation>个数</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Current gradient matrix</source>
        <translation>当前的梯度矩阵</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>clipping threshold {value} (all gradients together)</source>
        <translation>裁剪阈值 {value}（所有梯度合计）</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>No gradient yet.</source>
        <translation>还没有梯度。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This parameter is too large
to draw as a matrix.</source>
        <translation>这个参数太大，
无法画成矩阵。</translation>
    </message>
</context>
<context>
    <name>GraphPane</name>
    <message>
        <location filename="../../playground/gui/lab/graph_pane.py" line="+27"/>
        <source>Graph</source>
        <translation>计算图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the whole graph (Ctrl+wheel zooms)</source>
        <translation>显示整个计算图（Ctrl+滚轮缩放）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom +</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom −</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collapse chains</source>
        <translation>折叠链条</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draw a chain of identical operations as one box</source>
        <translation>把一串相同的运算画成一个方框</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The graph torch built</source>
        <translation>torch 构建的计算图</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>leaf (AccumulateGrad)</source>
        <translation>叶子张量（AccumulateGrad）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>operation</source>
        <translation>运算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>current step</source>
        <translation>当前步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>requires grad</source>
        <translation>需要梯度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gradient flow</source>
        <translation>梯度流</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <location filename="../../playground/gui/lab/graph_view.py" line="+197"/>
        <source>input %1</source>
        <extracomment>A graph opens no smaller than this, so its text can be read from the back of a room.</extracomment>
        <translation>输入 %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <location filename="../../playground/gui/shell/help_dialogs.py" line="+18"/>
        <source>&lt;h3&gt;Torch Playground {version}&lt;/h3&gt;&lt;p&gt;Design a small neural network, pick data, a loss and an optimizer, and watch it learn: loss, weights and gradients are drawn live while it trains.&lt;/p&gt;&lt;p&gt;Built with PyTorch {torch}, Qt {qt} (PySide6) and pyqtgraph.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Torch Playground {version}&lt;/h3&gt;&lt;p&gt;设计一个小型神经网络，选好数据、损失函数和优化器，然后看着它学习：训练时损失、权重和梯度都会实时画出来。&lt;/p&gt;&lt;p&gt;基于 PyTorch {torch}、Qt {qt}（PySide6）和 pyqtgraph 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>About Torch Playground</source>
        <translation>关于 Torch Playground</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Discard the training?</source>
        <translation>放弃训练结果吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This change starts a new run and the trained weights will be lost. Continue?</source>
        <translation>这个修改会开始一次新的训练，训练好的权重将会丢失。继续吗？</translation>
    </message>
</context>
<context>
    <name>LabValues</name>
    <message>
        <location filename="../../playground/gui/lab/value_text.py" line="+30"/>
        <source>shape %1</source>
        <extracomment>Tensors with more numbers than this are shown by their shape alone.</extracomment>
        <translation>形状 %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>too large to show</source>
        <translation>太大，无法显示</translation>
    </message>
</context>
<context>
    <name>LabWindow</name>
    <message>
        <location filename="../../playground/gui/lab/lab_window.py" line="+63"/>
        <source>Autograd lab</source>
        <translation>自动求导实验室</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>What the script prints appears here.</source>
        <translation>脚本打印的内容会显示在这里。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chain rule at this step</source>
        <translation>这一步的链式法则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tensors</source>
        <translation>张量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>backward() calls</source>
        <translation>backward() 调用</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose an example or write a script, then press Run.</source>
        <translation>选择一个示例或自己写脚本，然后按“运行”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press Run (Ctrl+Enter) to see the graph torch builds.</source>
        <translation>按“运行”（Ctrl+Enter）查看 torch 构建的计算图。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Lab</source>
        <translation>实验室</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>▶ Run</source>
        <translation>▶ 运行</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Run the script (Ctrl+Enter)</source>
        <translation>运行脚本（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Example:</source>
        <translation>示例：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Script</source>
        <translation>脚本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Printed</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The lab could not run this script because of an unexpected error (%1). The details are in the log.</source>
        <translation>由于意外错误（%1），实验室无法运行这个脚本。详细信息在日志中。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing ran: fix the script and press Run again.</source>
        <translation>什么都没有运行：请修正脚本后再按“运行”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The script was not run to the end.</source>
        <translation>脚本没有运行到结尾。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Ran: %1 tensors, %2 backward() calls</source>
        <translation>已运行：%1 个张量，%2 次 backward() 调用</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No graph: nothing in this script requires grad. Create a leaf with requires_grad=True, e.g. x = tensor(2.0, requires_grad=True).</source>
        <translation>没有计算图：这个脚本里没有需要梯度的张量。请用 requires_grad=True 创建一个叶子张量，例如 x = tensor(2.0, requires_grad=True)。</translation>
    </message>
</context>
<context>
    <name>LandscapeWindow</name>
    <message>
        <location filename="../../playground/gui/landscape/landscape_window.py" line="+37"/>
        <source>Untitled experiment</source>
        <translation>未命名实验</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss landscape — {0}</source>
        <translation>损失曲面 — {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no loss to draw for this experiment. {0}</source>
        <translation>这个实验没有可以画出的损失。{0}</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../playground/gui/shell/language_menu.py" line="+47"/>
        <source>Takes effect after a restart</source>
        <translation>重新启动后生效</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>System (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Change the language</source>
        <translation>更改语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language is used after Torch Playground starts again. Restart now?</source>
        <translation>Torch Playground 重新启动后才会使用新的语言。现在重新启动吗？</translation>
    </message>
</context>
<context>
    <name>LayerCommands</name>
    <message>
        <location filename="../../playground/gui/editor/layer_commands.py" line="+67"/>
        <source>Remove {kinds}</source>
        <translation>删除 {kinds}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Move {kind} up</source>
        <translation>上移 {kind}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move {kind} down</source>
        <translation>下移 {kind}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Change {setting} of layer {number} ({kind})</source>
        <translation>修改第 {number} 层（{kind}）的 {setting}</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a layer kind to add (Insert)</source>
        <translation>查找要添加的层类型（Insert）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected layer up (Alt+Up)</source>
        <translation>把选中的层上移（Alt+Up）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected layer down (Alt+Down)</source>
        <translation>把选中的层下移（Alt+Down）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate the selected layer (Ctrl+D)</source>
        <translation>复制选中的层（Ctrl+D）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected layer (Delete)</source>
        <translation>删除选中的层（Delete）</translation>
    </message>
</context>
<context>
    <name>LayerEditor</name>
    <message>
        <location filename="../../playground/gui/editor/layer_editor.py" line="+90"/>
        <source>Layers of the network</source>
        <translation>网络的各层</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drag a layer or press Alt+Up / Alt+Down to move it; Delete removes, Ctrl+D duplicates.</source>
        <translation>拖动一层或按 Alt+Up / Alt+Down 移动它；Delete 删除，Ctrl+D 复制。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The network cannot be changed while training runs.</source>
        <translation>训练进行时不能修改网络。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Replace layers</source>
        <translation>替换各层</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Add {kind}</source>
        <translation>添加 {kind}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Duplicate {kind}</source>
        <translation>复制 {kind}</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Input: {shape}</source>
        <translation>输入：{shape}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Total: {count} trainable parameters · output {shape}</source>
        <translation>共计：{count} 个可训练参数 · 输出 {shape}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Total: {count} trainable parameters so far</source>
        <translation>目前共计：{count} 个可训练参数</translation>
    </message>
</context>
<context>
    <name>LayerPalette</name>
    <message>
        <location filename="../../playground/gui/editor/layer_palette.py" line="+30"/>
        <source>Dense</source>
        <translation>全连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activations</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regularisation and normalisation</source>
        <translation>正则化与归一化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reshape</source>
        <translation>改变形状</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Find a layer… (Insert)</source>
        <translation>查找层…（Insert）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find a layer kind</source>
        <translation>查找层类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type part of a layer name and press Enter to add it; Down lists every kind.</source>
        <translation>输入层名称的一部分，按 Enter 添加；按下方向键列出所有类型。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Layer kinds</source>
        <translation>层类型</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>Add layer</source>
        <translation>添加层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every layer kind by category; the new layer goes after the selected one.</source>
        <translation>按类别列出所有层类型；新层会加在选中的层之后。</translation>
    </message>
</context>
<context>
    <name>LayerParams</name>
    <message>
        <location filename="../../playground/gui/editor/layer_params.py" line="+38"/>
        <source>no limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Allowed: {low} to {high}. Default: {default}.</source>
        <translation>允许范围：{low} 到 {high}。默认值：{default}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Default: on.</source>
        <translation>默认：开启。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default: off.</source>
        <translation>默认：关闭。</translation>
    </message>
</context>
<context>
    <name>LayerParamsPanel</name>
    <message>
        <location line="+108"/>
        <source>Layer settings</source>
        <translation>层设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a layer in the list to change its settings.</source>
        <translation>在列表中选择一层来修改它的设置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Layer {number} · {kind}</source>
        <translation>第 {number} 层 · {kind}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{kind} has no settings.</source>
        <translation>{kind} 没有可设置的项。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>same as kernel</source>
        <translation>与核大小相同</translation>
    </message>
</context>
<context>
    <name>LayerRow</name>
    <message>
        <location filename="../../playground/gui/editor/layer_row_delegate.py" line="+43"/>
        <source>→ —    ·    — parameters</source>
        <translation>→ —    ·    — 个参数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>→ {shape}    ·    1 parameter</source>
        <translation>→ {shape}    ·    1 个参数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>→ {shape}    ·    {count} parameters</source>
        <translation>→ {shape}    ·    {count} 个参数</translation>
    </message>
</context>
<context>
    <name>LayerStack</name>
    <message>
        <location filename="../../playground/gui/editor/layer_stack_model.py" line="+67"/>
        <source>no {setting}</source>
        <translation>无{setting}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stride = kernel</source>
        <translation>步幅 = 核大小</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Training is not possible yet: layer {number} has a problem (marked in the list).</source>
        <translation>暂时无法训练：第 {number} 层有问题（已在列表中标出）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Every layer fits; the network is ready to train.</source>
        <translation>每一层都匹配；网络可以开始训练了。</translation>
    </message>
</context>
<context>
    <name>LayerStackModel</name>
    <message>
        <location line="+93"/>
        <source>Problem: {problem}</source>
        <translation>问题：{problem}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{layer}: problem: {problem}</source>
        <translation>{layer}：问题：{problem}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{layer}: output {shape}, {count} parameters</source>
        <translation>{layer}：输出 {shape}，{count} 个参数</translation>
    </message>
</context>
<context>
    <name>LayerStackView</name>
    <message>
        <location filename="../../playground/gui/editor/layer_row_delegate.py" line="+163"/>
        <source>No layers yet. Use Add layer above, or press Insert and type a layer&apos;s name.</source>
        <translation>还没有任何层。请用上面的“添加层”，或按 Insert 并输入层的名称。</translation>
    </message>
</context>
<context>
    <name>LessonController</name>
    <message>
        <location filename="../../playground/gui/lessons/lesson_controller.py" line="+25"/>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>The step could not be timed: %1</source>
        <translation>无法为这一步计时：%1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>This lesson names controls the app does not have: %1</source>
        <translation>这节课提到了应用中没有的控件：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Locked by the lesson</source>
        <translation>被课程锁定</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>(now %1 hidden units)</source>
        <translation>（现在有 %1 个隐藏单元）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Goal reached: %1</source>
        <translation>目标达成：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>— now %1</source>
        <translation>— 现在 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Goal: %1 below %2</source>
        <translation>目标：%1 低于 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Goal: %1 above %2</source>
        <translation>目标：%1 高于 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>with at most %1 hidden units</source>
        <translation>且最多 %1 个隐藏单元</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../playground/gui/lessons/lesson_panel.py" line="+52"/>
        <source>Time one step on every device</source>
        <translation>在每个设备上为一步计时</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End lesson</source>
        <translation>结束课程</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No lesson open</source>
        <translation>没有打开的课程</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open one with Help ▸ Lessons.</source>
        <translation>请通过 帮助 ▸ 课程 打开一节课。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Step %1 of %2 · %3</source>
        <translation>第 %1 步，共 %2 步 · %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open the autograd lab</source>
        <translation>打开自动求导实验室</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the loss landscape</source>
        <translation>打开损失曲面</translation>
    </message>
</context>
<context>
    <name>LessonPicker</name>
    <message>
        <location filename="../../playground/gui/lessons/lesson_picker.py" line="+26"/>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Each lesson opens beside the app, step by step.</source>
        <translation>每节课都会在应用旁边打开，一步一步进行。</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <location filename="../../playground/gui/lessons/lesson_dock.py" line="+44"/>
        <source>This tool is not available in this version.</source>
        <extracomment>Opens a tool window (``&quot;lab&quot;``, ``&quot;landscape&quot;``) with an optional lab example.</extracomment>
        <translation>这个版本中没有这个工具。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../../playground/gui/plots/loss_plot.py" line="+40"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the loss on a logarithmic axis, to see small changes late in training.</source>
        <translation>用对数坐标显示损失，以便看清训练后期的微小变化。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../playground/gui/shell/main_window.py" line="+101"/>
        <source>Fit the last layer</source>
        <translation>匹配最后一层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the last layer as many outputs as the data needs.</source>
        <translation>让最后一层的输出个数与数据所需的一致。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+235"/>
        <source>Fit the last layer to the data</source>
        <translation>让最后一层匹配数据</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Change data to {data}</source>
        <translation>把数据改为 {data}</translation>
    </message>
</context>
<context>
    <name>MisclassifiedView</name>
    <message>
        <location filename="../../playground/gui/plots/misclassified_view.py" line="+141"/>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No %1 sample is misclassified (%2 samples).</source>
        <translation>没有被分错的%1样本（共 %2 个样本）。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n of %2 %1 samples are misclassified; the first %4 are shown.</source>
        <translation>
            <numerusform>%2 个%1样本中有 %n 个被分错；这里显示前 %4 个。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n of %2 %1 samples are misclassified.</source>
        <translation>
            <numerusform>%2 个%1样本中有 %n 个被分错。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Sample %1: the true class is %2, the model predicts %3.</source>
        <translation>样本 %1：真实类别是 %2，模型预测为 %3。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>True class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The misclassified samples appear once a classification run has started.</source>
        <translation>开始一次分类训练后，这里会列出被分错的样本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Misclassified samples are listed for classification only.</source>
        <translation>只有分类才会列出被分错的样本。</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <location filename="../../playground/gui/network/network_diagram.py" line="+99"/>
        <source>New weight value</source>
        <translation>新的权重值</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>not known until training starts</source>
        <translation>训练开始前未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight from {source} to {target}: {value}. Click to change it.</source>
        <translation>从{source}到{target}的权重：{value}。点击可修改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight from {source} to {target}: {value}</source>
        <translation>从{source}到{target}的权重：{value}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>input {name}</source>
        <translation>输入 {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input x{number}</source>
        <translation>输入 x{number}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>neuron {neuron} of layer {layer} (Linear)</source>
        <translation>第 {layer} 层（Linear）的第 {neuron} 个神经元</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>positive</source>
        <translation>正</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>negative</source>
        <translation>负</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>thicker = larger</source>
        <translation>越粗 = 越大</translation>
    </message>
</context>
<context>
    <name>NetworkLayout</name>
    <message>
        <location line="-290"/>
        <location filename="../../playground/gui/network/network_layout.py" line="+104"/>
        <source>Add a Linear layer to see the network drawn as neurons and connections.</source>
        <translation>添加一个 Linear 层，就能看到由神经元和连接画成的网络。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/network/network_layout.py" line="-40"/>
        <source>The diagram draws networks on flat inputs, but this data gives {shape}. The weight plots show every layer.</source>
        <translation>网络图只画展平输入的网络，但这些数据给出的是 {shape}。权重图会显示每一层。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The diagram appears once the network can be built. {reason}</source>
        <translation>网络可以构建之后才会显示网络图。{reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Layer {number}</source>
        <translation>第 {number} 层</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The diagram draws dense networks (Linear layers and activations); layer {number} ({kind}) is not one. The weight plots show every layer.</source>
        <translation>网络图只画全连接网络（Linear 层和激活函数）；第 {number} 层（{kind}）不属于这类。权重图会显示每一层。</translation>
    </message>
</context>
<context>
    <name>OptimizerTable</name>
    <message>
        <location filename="../../playground/gui/landscape/optimizer_table.py" line="+39"/>
        <source>{0} with momentum {1:g}</source>
        <translation>{0}（动量 {1:g}）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loss now</source>
        <translation>当前损失</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Path colour</source>
        <translation>路径颜色</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Learning rate of {0}</source>
        <translation>{0} 的学习率</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
</context>
<context>
    <name>ParameterPicker</name>
    <message>
        <location filename="../../playground/gui/plots/parameter_views.py" line="+35"/>
        <source>The parameter these plots show: its layer, then weight or bias.</source>
        <translation>这些图显示的参数：先选层，再选权重或偏置。</translation>
    </message>
</context>
<context>
    <name>ParameterTable</name>
    <message>
        <location filename="../../playground/gui/training/parameter_table.py" line="+56"/>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Train or step once to see the parameters.</source>
        <translation>训练或单步一次就能看到参数。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>This model has %1 numbers; the table lists models of up to %2.</source>
        <translation>这个模型有 %1 个数；表格最多列出 %2 个数的模型。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&apos;%1&apos; is not a number; type a value such as 0.5 or -2.</source>
        <translation>“%1”不是数字；请输入一个值，例如 0.5 或 -2。</translation>
    </message>
</context>
<context>
    <name>ParameterViews</name>
    <message>
        <location filename="../../playground/gui/plots/parameter_views.py" line="+62"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>output unit</source>
        <translation>输出单元</translation>
    </message>
</context>
<context>
    <name>PictureSizeDialog</name>
    <message>
        <location filename="../../playground/gui/plots/picture_size_dialog.py" line="+21"/>
        <source>Export plots as %1</source>
        <translation>把图表导出为 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every plot is saved as one picture of this size. 1600 × 1000 suits slides; larger sizes keep text sharp on posters.</source>
        <translation>每个图表都保存为一张这么大的图片。1600 × 1000 适合幻灯片；更大的尺寸能让海报上的文字保持清晰。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Width:</source>
        <translation>宽度：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Height:</source>
        <translation>高度：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
</context>
<context>
    <name>PlaybackBar</name>
    <message>
        <location filename="../../playground/gui/landscape/playback_bar.py" line="+35"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take one optimizer step on every path</source>
        <translation>在每条路径上让优化器走一步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put every path back at the start</source>
        <translation>把每条路径放回起点</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> steps/s</source>
        <translation> 步/秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many steps are drawn per second while playing</source>
        <translation>播放时每秒画出多少步</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How many steps each optimizer takes from the start</source>
        <translation>每个优化器从起点开始走多少步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steps:</source>
        <translation>步数：</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop walking</source>
        <translation>停止行走</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Walk the paths step by step</source>
        <translation>一步一步沿路径行走</translation>
    </message>
</context>
<context>
    <name>PlotArea</name>
    <message>
        <location filename="../../playground/gui/plots/plot_area.py" line="+86"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+150"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location line="-149"/>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mistakes</source>
        <translation>错分样本</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>Diagnosis ({count})</source>
        <translation>诊断（{count}）</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <location filename="../../playground/gui/plots/plot_export.py" line="+138"/>
        <source>Exported from Torch Playground</source>
        <extracomment>Pictures up to this width are laid out at their own size; wider ones are drawn scaled up.</extracomment>
        <translation>从 Torch Playground 导出</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <source>the file cannot be written</source>
        <translation>无法写入文件</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Choose a folder for the {format} pictures</source>
        <translation>选择存放 {format} 图片的文件夹</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the system refused</source>
        <translation>系统拒绝了操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The plots could not be saved in {folder}: {reason}; choose another folder.</source>
        <translation>无法把图表保存到 {folder}：{reason}；请选择另一个文件夹。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved %n {format} plot pictures of {width} × {height} pixels in {folder}.</source>
        <translation>已在 {folder} 中保存 %n 张 {width} × {height} 像素的 {format} 图表图片。</translation>
    </message>
</context>
<context>
    <name>PreviewTable</name>
    <message>
        <location filename="../../playground/gui/data/preview_table.py" line="+44"/>
        <source>numbers</source>
        <extracomment>The most columns the preview draws (a wider table is read whole, drawn in part). The widest a column is drawn, in average characters, so one long cell cannot hide the rest.</extracomment>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>text</source>
        <translation>文字</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1, %n empty</source>
        <translation>
            <numerusform>%1，%n 个空格</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <location filename="../../playground/gui/training/run_controller.py" line="+219"/>
        <source>Pause training before changing a parameter.</source>
        <translation>修改参数前请先暂停训练。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The saved weights could not be used: {reason}</source>
        <translation>无法使用保存的权重：{reason}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stop the current run before starting a paired run.</source>
        <translation>开始对照训练之前，请先停止当前的训练。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A paired run cannot start until the problems shown are fixed.</source>
        <translation>必须先修正显示的问题，才能开始对照训练。</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Training cannot start until the problems shown are fixed.</source>
        <translation>必须先修正显示的问题，才能开始训练。</translation>
    </message>
</context>
<context>
    <name>RunHistory</name>
    <message>
        <location filename="../../playground/gui/runs/run_history.py" line="+33"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Val. loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No runs yet. Each training run is listed here when it ends, so you can compare them.</source>
        <translation>还没有训练记录。每次训练结束后都会列在这里，方便你比较。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>{optimizer}, lr {lr}, batch {batch}, 1 layer</source>
        <translation>{optimizer}，学习率 {lr}，批大小 {batch}，1 层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{optimizer}, lr {lr}, batch {batch}, %n layers</source>
        <translation>{optimizer}，学习率 {lr}，批大小 {batch}，%n 层</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running</source>
        <translation>训练中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
</context>
<context>
    <name>RunResult</name>
    <message>
        <location filename="../../playground/gui/plots/run_result.py" line="+37"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>last epoch&apos;s mean training loss %1</source>
        <translation>最后一轮的平均训练损失 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mean training loss of epoch %2 so far %1</source>
        <translation>第 %2 轮至此的平均训练损失 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>validation loss %1</source>
        <translation>验证损失 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>training accuracy %1</source>
        <translation>训练准确率 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>validation accuracy %1</source>
        <translation>验证准确率 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run %1 finished after %n epochs in %2</source>
        <translation>第 %1 次训练完成，共 %n 轮，用时 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run %1 stopped after %n epochs in %2</source>
        <translation>第 %1 次训练在 %n 轮后停止，用时 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run %1 diverged after %n epochs in %2</source>
        <translation>第 %1 次训练在 %n 轮后发散，用时 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run %1 ended after %n epochs in %2</source>
        <translation>第 %1 次训练在 %n 轮后结束，用时 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>How the latest run ended. The training loss is the mean over all batches of the run&apos;s last epoch, or, for a run stopped within an epoch, over that epoch&apos;s batches so far. The loss in the status bar is that of the last few batches only, so the two differ a little. Every run is listed in View ▸ Runs.</source>
        <translation>最近一次训练是怎样结束的。训练损失是最后一轮所有批次的平均值；如果训练在一轮中途停止，则是这一轮到停止时各批次的平均值。状态栏里的损失只是最近几个批次的，所以两者略有不同。所有训练都列在“视图 ▸ 训练记录”中。</translation>
    </message>
</context>
<context>
    <name>RunStatusBar</name>
    <message>
        <location filename="../../playground/gui/shell/status_bar.py" line="+25"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{count}k samples/s</source>
        <translation>{count}k 样本/秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} samples/s</source>
        <translation>{count} 样本/秒</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>What the run is doing.</source>
        <translation>训练当前的状态。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight updates so far (one per batch).</source>
        <translation>到目前为止的权重更新次数（每批一次）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed passes over the training data.</source>
        <translation>已完成的训练集遍历次数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loss (last batches): the training loss of the last few batches; it moves with every batch. The result line above the plots gives the run&apos;s mean over its whole last epoch (or over the batches so far of the epoch it stopped in), so the two numbers differ a little. Accuracy: on the validation data when there is some, else on the training data.</source>
        <translation>损失（最近批次）：最近几个批次的训练损失，每个批次都会变化。图表上方的结果行给出的是整个最后一轮的平均值（如果在一轮中途停止，则是这一轮到停止时的平均值），所以两个数字略有不同。准确率：有验证集时按验证集计算，否则按训练集计算。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Training samples processed per second.</source>
        <translation>每秒处理的训练样本数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The device this run trains on.</source>
        <translation>这次训练使用的设备。</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+19"/>
        <location line="+29"/>
        <source>Loss (last batches) %1</source>
        <translation>损失（最近批次）%1</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+15"/>
        <source>Step {step}</source>
        <translation>第 {step} 步</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+20"/>
        <source>Epoch {epoch}</source>
        <translation>第 {epoch} 轮</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+21"/>
        <source>Device {device}</source>
        <translation>设备 {device}</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Epoch {epoch} of {total}</source>
        <translation>第 {epoch}/{total} 轮</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Val. loss %1</source>
        <translation>验证损失 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accuracy %1</source>
        <translation>准确率 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Every run is listed in View ▸ Runs.</source>
        <translation>所有训练都列在“视图 ▸ 训练记录”中。</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <location filename="../../playground/gui/runs/run_history.py" line="-13"/>
        <source>Paired with a removed run: </source>
        <translation>对照的训练已删除：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paired with run %1: </source>
        <translation>对照第 %1 次训练：</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draw the loss curves of the chosen runs on one plot.</source>
        <translation>把选中训练的损失曲线画在同一张图上。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paired run</source>
        <translation>对照训练</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Train again from this run&apos;s start weights, data and batch order with the settings now in the Training panel, so any difference comes from your change.</source>
        <translation>使用这次训练的初始权重、数据和批次顺序，配合训练面板中现在的设置重新训练，这样任何差别都来自你的修改。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget the chosen runs.</source>
        <translation>删除选中的训练记录。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../playground/gui/shell/help_dialogs.py" line="-54"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>ShownInputsRow</name>
    <message>
        <location filename="../../playground/gui/data/shown_inputs_row.py" line="+29"/>
        <source>The input along the plots&apos; horizontal axis.</source>
        <translation>图表横轴上的输入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The input along the plots&apos; vertical axis.</source>
        <translation>图表纵轴上的输入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>against</source>
        <translation>对</translation>
    </message>
</context>
<context>
    <name>SliceView</name>
    <message>
        <location filename="../../playground/gui/landscape/slice_view.py" line="+74"/>
        <source>Training path</source>
        <translation>训练路径</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>How far along each direction the slice reaches</source>
        <translation>切片在每个方向上延伸多远</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Grid points along each direction</source>
        <translation>每个方向上的网格点数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New directions</source>
        <translation>新方向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cut the loss along two other random directions</source>
        <translation>沿另外两个随机方向切开损失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log colour scale</source>
        <translation>对数色标</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Extent:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution:</source>
        <translation>分辨率：</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>The training path leaves this slice; widen the extent to see all of it.</source>
        <translation>训练路径超出了这个切片；扩大范围才能看到全部。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Loss, log scale</source>
        <translation>损失（对数坐标）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} on a random slice through the weights</source>
        <translation>{0}：穿过权重空间的随机切片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>α (direction 1)</source>
        <translation>α（方向 1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>β (direction 2)</source>
        <translation>β（方向 2）</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+1"/>
        <source>Computing the slice…</source>
        <translation>正在计算切片…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The slice could not be computed: {0}</source>
        <translation>无法计算切片：{0}</translation>
    </message>
</context>
<context>
    <name>SpeedControl</name>
    <message>
        <location filename="../../playground/gui/training/speed_control.py" line="+21"/>
        <source>Full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%n steps/s</source>
        <translation>%n 步/秒</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>How fast training goes. Slow it down to watch the plots and the network change one step at a time; works during a run too.</source>
        <translation>训练的速度。放慢它，就能一步一步地看图表和网络怎样变化；训练进行中也可以调节。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training speed</source>
        <translation>训练速度</translation>
    </message>
</context>
<context>
    <name>SurfaceView</name>
    <message>
        <location filename="../../playground/gui/landscape/surface_view.py" line="+89"/>
        <source>Log colour scale</source>
        <translation>对数色标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour by the loss&apos;s order of magnitude</source>
        <translation>按损失的数量级上色</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Click the map to start every optimizer there.</source>
        <translation>点击图上的位置，让所有优化器从那里出发。</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Step {0} of {1}</source>
        <translation>第 {0} 步，共 {1} 步</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Loss, log scale</source>
        <translation>损失（对数坐标）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} over both parameters, full training set</source>
        <translation>{0}：随两个参数变化，使用全部训练集</translation>
    </message>
</context>
<context>
    <name>TableGrid</name>
    <message>
        <location filename="../../playground/gui/data/table_grid.py" line="+114"/>
        <source>Rename column</source>
        <extracomment>The most rows and columns a typed table may have: a small table; larger ones are files.</extracomment>
        <translation>重命名列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Column name:</source>
        <translation>列名：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The pasted text is too long for a typed table; save it as a CSV file and import it.</source>
        <translation>粘贴的文字太长，放不进手动输入的表格；请把它保存为 CSV 文件再导入。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the pasted text</source>
        <translation>粘贴的文字</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The pasted table does not fit a typed table (at most %1 rows and %2 columns); save it as a CSV file and import it.</source>
        <translation>粘贴的表格放不进手动输入的表格（最多 %1 行、%2 列）；请把它保存为 CSV 文件再导入。</translation>
    </message>
</context>
<context>
    <name>TensorTable</name>
    <message>
        <location filename="../../playground/gui/lab/tensor_table.py" line="+33"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requires grad</source>
        <translation>需要梯度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leaf</source>
        <translation>叶子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made by</source>
        <translation>由谁生成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grad</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+1"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>you (a leaf)</source>
        <translation>你自己（叶子张量）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>— (kept for leaves only)</source>
        <translation>—（只为叶子张量保留）</translation>
    </message>
</context>
<context>
    <name>TrainingLog</name>
    <message>
        <location filename="../../playground/gui/training/log_view.py" line="+30"/>
        <source> epochs</source>
        <translation> 轮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print one line every this many epochs.</source>
        <translation>每隔这么多轮打印一行。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Print every</source>
        <translation>打印间隔</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../playground/gui/training/training_panel.py" line="+81"/>
        <source>How the error between prediction and target is measured.</source>
        <translation>怎样衡量预测与目标之间的误差。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The rule that turns gradients into weight updates.</source>
        <translation>把梯度变成权重更新的规则。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How the learning rate changes during training.</source>
        <translation>训练过程中学习率怎样变化。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How the weights start before the first step: the seed picks the random numbers, this picks how they are drawn.</source>
        <translation>训练第一步之前权重从哪里开始：随机种子决定抽到哪些随机数，这里决定怎样抽取。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{choice}: {effect}</source>
        <translation>{choice}：{effect}</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+3"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learning-rate schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training loop</source>
        <translation>训练循环</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Initial weights</source>
        <translation>初始权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <location filename="../../playground/gui/training/worker.py" line="+40"/>
        <source>Training stopped because the device ran out of memory; try a smaller batch size, a smaller network or the CPU.</source>
        <translation>设备内存不足，训练已停止；请试试更小的批大小、更小的网络或改用 CPU。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Training stopped because of an unexpected error ({detail}).</source>
        <translation>由于意外错误（{detail}），训练已停止。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Training failed for an unknown reason.</source>
        <translation>训练因未知原因失败。</translation>
    </message>
</context>
<context>
    <name>TypedTableDialog</name>
    <message>
        <location filename="../../playground/gui/data/typed_table_dialog.py" line="+38"/>
        <source>Type or paste data</source>
        <translation>输入或粘贴数据</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type values, or paste cells copied from a spreadsheet (Ctrl+V). Double-click a column name to rename it.</source>
        <translation>输入数值，或粘贴从电子表格复制的单元格（Ctrl+V）。双击列名可以重命名。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+76"/>
        <source>typed table</source>
        <translation>手动输入的表格</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>The table&apos;s name, shown in the data picker and messages.</source>
        <translation>表格的名字，显示在数据选择框和提示信息中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add column</source>
        <translation>添加列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove column</source>
        <translation>删除列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Use this table</source>
        <translation>使用这张表格</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>名字</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Tick at least one input column.</source>
        <translation>请至少勾选一个输入列。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The table is too large to keep in the experiment (more than a million characters); save it as a CSV file and import it instead.</source>
        <translation>表格太大，无法保存在实验中（超过一百万个字符）；请改为保存成 CSV 文件再导入。</translation>
    </message>
</context>
<context>
    <name>WeightsPlot</name>
    <message>
        <location filename="../../playground/gui/plots/weights_plot.py" line="+20"/>
        <source>This parameter is too large
to draw as a matrix.</source>
        <translation>这个参数太大，
无法画成矩阵。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Parameter:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Weight distribution over time</source>
        <translation>权重分布随时间的变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Current weights</source>
        <translation>当前权重</translation>
    </message>
</context>
</TS>
