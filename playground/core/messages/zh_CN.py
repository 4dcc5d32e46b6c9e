"""简体中文: the wording of every problem code, for learners who read Chinese.

The same keys as :mod:`playground.core.messages.en`, the same ``str.format``
names and format specs; only the words differ. Terms follow
``resources/translations/glossary.md`` (学习率, 损失, 优化器, 批大小, 轮次, …).
Setting names, layer kinds and file values that users type (``lr``, ``Linear``,
``'csv'``) stay as written in the file, because that is what a learner sees there.
"""

from __future__ import annotations

_SUBJECT = "{setting:opt:phrase.subject}"
_CELL_AT = "{file} 第 {row} 行、{column:cell} 列"
# The three findings about a slow layer say the same and differ in what to try.
_SLOW_LAYER = (
    "每一步只让{layer:layer}的权重改变其大小的约 {ratio:.0e}，远低于通常的 1e-3；这一层学得非常慢。"
)

TEMPLATES: dict[str, str] = {
    # ---- places and shared phrases -------------------------------------------------
    "place.layer": "第 {number} 层（{kind}）",
    "place.layer_number": "第 {number} 层",
    "place.join": "{place}：{text}",
    "place.source": "{source}：{text}",
    "phrase.did_you_mean": "（你是不是想写 {value:show}？）",
    "phrase.known_settings": "；可用的设置：{value:list}",
    "phrase.subject": "{value:setting}",
    "phrase.with_padding": "（填充为 {value}）",
    "phrase.none": "无",
    "phrase.more_problems": "（另有 {count} 个问题。）",
    "phrase.list_separator": "、",
    "phrase.megabytes": "{value:,.0f} MB",
    "phrase.gigabytes": "{value:,.1f} GB",
    "phrase.long_number": "一个约 {digits} 位的整数",
    "phrase.long_list": "一个含 {count} 项的列表",
    "phrase.long_group": "一组含 {count} 项的设置",
    "phrase.full_stop": "。",
    "shape.features": "{count} 个特征",
    "shape.image": "{shape:shape}（通道×高×宽）",
    # ---- names of settings and of closed lists ----------------------------------------
    "setting.lr": "学习率",
    "setting.grad_clip": "梯度裁剪",
    "setting.validation_fraction": "验证集比例",
    "setting.derived_features": "派生输入",
    "setting.t_max": "余弦周期（t_max）",
    "setting.min_lr": "最低学习率",
    "setting.schema_version": "格式版本",
    "setting.init": "初始权重",
    "setting.batch_size": "批大小",
    "setting.epochs": "轮次",
    "setting.seed": "随机种子",
    "setting.momentum": "动量",
    "setting.weight_decay": "权重衰减",
    "choice.data.name": "一个数据集",
    "choice.data.task": "一种任务",
    "choice.data.derived_features": "一种派生输入",
    "choice.loss": "一种损失函数",
    "choice.optimizer.kind": "一种优化器",
    "choice.schedule.kind": "一种学习率调度",
    "choice.model.init": "一种权重初始化方式",
    "choice.default": "一个有效的选项",
    # ---- the file as a whole ----------------------------------------------------------
    "file.not_text": "文件不是文本（第 {byte} 个字节不是 UTF-8）；请选择一个 Torch Playground 实验文件",
    "file.empty": "文件是空的；请选择一个 Torch Playground 实验文件",
    "file.unreadable": "{reason}；请选择一个 Torch Playground 实验文件",
    "file.bad_json": (
        "文件不是有效的 JSON：第 {line} 行第 {column} 列出错（{reason:lower}）；"
        "请在那里修正，或在应用里重新保存实验"
    ),
    "file.not_an_experiment": "文件里没有实验：最外层必须是花括号里的一组设置，而不是 {found}",
    "spec.version_not_whole": (
        "格式版本必须是整数，而不是 {value:show}；这个版本的 Torch Playground 读取格式 {current}"
    ),
    "spec.version_too_new": (
        "这个文件由更新的 Torch Playground 创建（格式 {version}）；"
        "这个版本只能读取格式 {current}；请更新应用后再打开"
    ),
    "spec.version_unknown": "格式版本 {version} 不存在；Torch Playground 的文件从格式 1 开始",
    "spec.no_presets": "没有找到任何示例；应用的资源文件夹缺失，请重新安装",
    "spec.more_problems": "另有 {count} 个问题；请先修正上面的问题",
    "spec.unknown_preset": (
        "'{name}' 不是示例{suggestion:opt:phrase.did_you_mean}；请从这些中选择：{presets:list}"
    ),
    # ---- settings -------------------------------------------------------------------
    "spec.unknown_key": (
        "未知的设置 '{name}'{suggestion:opt:phrase.did_you_mean}{known:opt:phrase.known_settings}"
    ),
    "spec.misplaced_key": "文件最外层有未知的设置 '{name}'；它应该放在 '{belongs}' 部分里",
    "spec.not_a_choice": (
        "{value:show} 不是{choice_of:choice}{suggestion:opt:phrase.did_you_mean}；"
        "请从这些中选择：{choices:list}"
    ),
    "spec.unknown_data_kind": "{value:show} 不是一种数据来源；请使用 'builtin' 或 'csv'",
    "spec.missing": _SUBJECT + "缺失；请补上",
    "spec.not_above": _SUBJECT + "必须大于 {limit:show}，而不是 {value:show}",
    "spec.not_at_least": _SUBJECT + "必须至少为 {limit:show}，而不是 {value:show}",
    "spec.not_below": _SUBJECT + "必须小于 {limit:show}，而不是 {value:show}",
    "spec.not_at_most": _SUBJECT + "最多为 {limit:show}，而不是 {value:show}",
    "spec.empty": _SUBJECT + "不能为空",
    "spec.rule": "{reason}",
    "spec.not_whole_number": _SUBJECT + "必须是整数，而不是 {value:show}",
    "spec.not_number": _SUBJECT + "必须是数字，而不是 {value:show}",
    "spec.not_finite": _SUBJECT + "必须是有限的数字，而不是 {value:show}",
    "spec.not_bool": _SUBJECT + "必须是 true 或 false，而不是 {value:show}",
    "spec.not_text": _SUBJECT + "必须是文本，而不是 {value:show}",
    "spec.not_list": _SUBJECT + "必须是一个列表（写在方括号里），而不是 {value:show}",
    "spec.not_group": _SUBJECT + "必须是一组设置（写在花括号里），而不是 {value:show}",
    "spec.not_valid": _SUBJECT + "无效（{reason:lowerfirst}）",
    "optimizer.betas_not_pair": "betas 必须是两个数字，而不是 {value:show}",
    "optimizer.nesterov_needs_momentum": (
        "Nesterov 动量需要大于 0 的动量；请设置动量（例如 0.9）或关闭 Nesterov"
    ),
    # ---- layers and their parameters --------------------------------------------------
    "layer.unknown_kind": (
        "'{kind}' 不是一种层{suggestion:opt:phrase.did_you_mean}；请从这些中选择：{known:list}"
    ),
    "layer.unknown_param": (
        "{place}没有参数 '{name}'{suggestion:opt:phrase.did_you_mean}（它的参数：{parameters:list}）"
    ),
    "layer.param_not_scalar": "{title} 必须是单个数字或 true/false，而不是 {value:show}",
    "layer.param_not_bool": "{title} 必须是 true 或 false，而不是 {value:repr}",
    "layer.param_not_number": "{title} 必须是数字，而不是 {value:repr}",
    "layer.param_not_whole": "{title} 必须是整数，而不是 {value:g}",
    "layer.param_not_finite": "{title} 必须是有限的数字，而不是 {value}",
    "layer.param_out_of_range": "{title} 必须在 {low:g} 到 {high:g} 之间，而不是 {value:g}",
    # ---- shapes -------------------------------------------------------------------------
    "model.empty": "模型没有任何层；请至少添加一层（例如 Linear）",
    "model.too_large_for_memory": (
        "训练大约需要 {total:bytes} 内存（{parameter_count:,} 个参数连同梯度和优化器状态占 "
        "{parameter_bytes:bytes}；批大小为 {batch_size} 的批次占 {activation_bytes:bytes}），"
        "但这台电脑大约只能腾出 {usable:bytes}；请减少层数或神经元，或减小批大小"
    ),
    "model.too_many_layers": "模型有 {count:,} 层，超过了本应用能构建的 {most:,} 层；请删除一些层",
    "layer.needs_flat": (
        "{kind} 需要展平的特征，但它的输入是 {shape:shape_words} 的图像；请在它前面加一个 Flatten 层"
    ),
    "layer.needs_image": (
        "{kind} 需要图像输入（通道×高×宽），但它的输入是 {shape:shape_words}；"
        "请使用图像数据（digits 作为 1×8×8 的图像），或把它放在所有 Flatten 之前"
    ),
    "layer.kernel_too_large": (
        "卷积核 {kernel} 比它 {height}×{width} 的输入还大{padding:opt:phrase.with_padding}；"
        "请使用更小的卷积核、更多填充，或在它之前少用几个池化层"
    ),
    "layer.padding_too_large": "填充 {padding} 超过了卷积核 {kernel} 的一半；请使用 ≤ {most} 的填充",
    "layer.output_empty": "它的输出将是 {shape:shape}，是空的；请使用更小的卷积核或步幅",
    "layer.needs_batches": "{place}需要每批至少 2 个样本；请增大批大小或删除这一层",
    # ---- the model against the data -----------------------------------------------------
    "output.image": (
        "模型的输出是 {shape:shape} 的图像；请在最后加上 Flatten 和一个 Linear 层，"
        "让每个类别或目标对应一个输出"
    ),
    "output.size_mismatch": (
        "这一层决定了模型的 {outputs} 个输出，但 {data} 有 {classes} 个类别；"
        "请把它的神经元数设为 {classes}"
    ),
    "output.target_mismatch": (
        "这一层决定了模型的 {outputs} 个输出，但 {data} 有 {targets} 个要预测的目标；"
        "请把它的神经元数设为 {targets}"
    ),
    "output.bce_needs_one": (
        "使用 bce-with-logits 时模型必须只给出 1 个输出（第二个类别的得分），"
        "但这一层决定了 {outputs} 个；请把它的神经元数设为 1"
    ),
    "loss.needs_numbers": (
        "{loss} 比较的是数值，但 {data} 有 {classes} 个类别要区分；"
        "请使用 cross-entropy（两个类别时也可用 bce-with-logits）"
    ),
    "loss.needs_classes": "{loss} 用于区分类别，但 {data} 的目标是要预测的数值；请使用 mse、l1 或 huber",
    "loss.needs_two_classes": "{loss} 只能区分正好 2 个类别，但 {data} 有 {classes} 个；请使用 cross-entropy",
    "data.unavailable": "无法生成数据；请查看数据面板",
    # ---- data sets ----------------------------------------------------------------------
    "data.no_plane_inputs": (
        "数据集 '{name}' 没有 x1 和 x2 两个输入，所以不能添加派生输入（{chosen:list}）；"
        "请删除它们，或选一个有两个输入的数据集，例如 circle、xor、gaussian 或 spiral。"
    ),
    "data.images_only_digits": "只有 digits 数据集可以作为图像使用，'{name}' 不行；请关闭“作为图像”或选择 digits。",
    "data.csv.duplicate_feature": "列 {column:cell} 被列为特征两次；每列只列一次。",
    "data.csv.target_is_feature": (
        "列 {column:cell} 既是目标又是特征；模型无法从一列学习它自己，请把它从特征中去掉。"
    ),
    "data.csv.too_few_rows": (
        "{file} 只有 {rows} 行数据；训练和验证至少需要 {minimum} 行，请在文件中添加数据。"
    ),
    "data.csv.missing_marker": _CELL_AT + "是 {cell:cell}，表示缺失值；请填上它或删除这一行。",
    "data.csv.empty_cell": _CELL_AT + "是空的；请填上它或删除这一行。",
    "data.csv.target_not_number": (
        _CELL_AT + "：{cell:cell} 不是数字，而回归的目标必须是数字；请修正这个单元格，或改选分类。"
    ),
    "data.csv.target_mostly_numbers": (
        _CELL_AT + "：{cell:cell} 不是数字，但这一列大多是数字；"
        "请修正这个单元格，或改选分类，把每个值都当作类别名。"
    ),
    "data.csv.one_class": (
        "{file} 中的列 {column:cell} 只有一个值（{value:cell}）；分类的目标至少需要两个类别，"
        "请另选一个目标列。"
    ),
    "data.csv.too_many_classes": (
        "{file} 中的列 {column:cell} 在 {rows} 行中有 {classes} 个不同的值，太多了，无法作为类别学习；"
        "如果它是数字请改选回归，否则请另选目标列。"
    ),
    "data.csv.bad_cell": _CELL_AT + "：{cell:cell} 不是数字；请修正这个单元格，或不使用这一列。",
    "data.csv.too_large": (
        _CELL_AT + "：{cell:cell} 对模型的 32 位数字来说太大了（最多约 {most:.3g}）；"
        "请把这一列缩小，或修正这个单元格。"
    ),
    "data.csv.too_many_columns": (
        "{file} 的第 {row} 行有 {columns} 个单元格，超过了表格最多允许的 {most} 列；"
        "请检查这是否是你想要的表格，并且保存成了 CSV。"
    ),
    "data.csv.row_too_wide": (
        "{file} 的第 {row} 行有 {cells} 个单元格，而第一行只有 {width} 个；请修正这一行。"
        "如果第一行并不是列名，请在导入时说明（第一行是数据，或是要跳过的一行），并给各列命名。"
    ),
    "data.csv.row_too_short": (
        "{file} 的第 {row} 行没有 {column:cell} 列的单元格（它有 {cells} 个单元格，第一行有 "
        "{width} 个）；请修正这一行。如果第一行并不是列名，请在导入时说明，并给各列命名。"
    ),
    "data.csv.header_is_numbers": (
        "{file} 的第一行是数字（{shown}），不是列名；请加上一行给每一列命名的表头，"
        "或在导入时说明第一行是数据。"
    ),
    "data.csv.names_count": (
        "给出了 {names} 个列名，但第 {row} 行有 {columns} 个单元格；请每一列给一个名字。"
    ),
    "data.csv.empty_table": "表格 {file} 是空的；请输入或粘贴一行表头和一些数据行。",
    "data.csv.no_file": "文件 {file} 不存在；请检查路径，或重新选择文件。",
    "data.csv.empty_file": "文件 {file} 是空的；请保存一个带表头行和数据行的表格。",
    "data.csv.binary_file": (
        "{file} 不是文本 CSV 文件（它含有二进制数据，像是电子表格工作簿）；"
        "请在电子表格程序里把它另存为 CSV。"
    ),
    "data.csv.bad_quotes": "{file} 在第 {row} 行附近无法按 CSV 读取（{error}）；请检查那一行的引号。",
    "data.csv.duplicate_target": "列 {column:cell} 被列为目标两次；每列只列一次。",
    "data.csv.classes_need_one_target": (
        "分类只预测一个类别列，但现在选了 {count} 个目标列；请只保留一个目标，"
        "或选择回归来预测多个数字。"
    ),
    "data.shown_input_unknown": (
        "图表被设为显示输入 {name:cell}，但数据的输入是 {known:list}；请从中选两个来显示。"
    ),
    "note": "{text}",
    # ---- why a run ended (core/training/run_ending.py) -------------------------------
    "run.finished": "训练完成，共 {epochs} 轮。",
    "run.stopped": "训练在第 {step} 步被停止。",
    "run.loss_nan": "损失在第 {step} 步变成了 NaN；学习率 {lr:g} 可能太大了，试试 {suggestion:g}。",
    "run.loss_infinite": (
        "损失在第 {step} 步变成了无穷大；学习率 {lr:g} 可能太大了，试试 {suggestion:g}。"
    ),
    "run.weights_not_finite": (
        "{layer:layer}的权重在第 {step} 步之前变成了 NaN 或无穷大；"
        "学习率 {lr:g} 可能太大了，试试 {suggestion:g}。"
    ),
    "run.failed": "训练在第 {step} 步失败：{error}",
    "run.process_ended": (
        "训练在第 {step} 步停止，因为负责训练模型的进程意外结束；请按“训练”开始新的运行。"
    ),
    "run.out_of_memory_training": (
        "训练到第 {step} 步时内存不足（{layers} 层，批大小 {batch_size}）；"
        "请减少层数或让层更窄、减小批大小，或关闭其他程序。"
    ),
    "run.out_of_memory_building": (
        "在 {device} 上建立这个模型时内存不足（{layers} 层，批大小 {batch_size}）；"
        "请减少层数或让层更窄、减小批大小，或关闭其他程序。"
    ),
    # ---- the gradient diagnosis: what happens, and what to try ------------------------
    "diagnosis.gradients_vanish": (
        "梯度消失：{weak:layer}的梯度比{strong:layer}小 {times} 倍，所以靠前的层几乎学不到东西。"
    ),
    "diagnosis.gradients_vanish.try": (
        "用 ReLU 或 LeakyReLU 代替 Sigmoid/Tanh，加入 BatchNorm，或减少层数。"
    ),
    "diagnosis.gradients_explode": "梯度爆炸：{strong:layer}的梯度比{weak:layer}大 {times} 倍。",
    "diagnosis.gradients_explode.try": "降低学习率、打开梯度裁剪，或加入 BatchNorm。",
    "diagnosis.update_too_large": (
        "每一步都让{layer:layer}的权重改变约 {ratio:.0%}，远超通常的 0.1%；训练可能会来回跳动。"
    ),
    "diagnosis.update_too_large.try": "降低学习率（例如降到原来的十分之一）。",
    "diagnosis.update_too_small": _SLOW_LAYER,
    "diagnosis.update_too_small.try": "提高学习率（例如提高到原来的 10 倍）。",
    "diagnosis.update_too_small_unstable": _SLOW_LAYER,
    "diagnosis.update_too_small_unstable.try": (
        "不要提高学习率：其他层的步子已经太大了。请降低学习率并重置权重。"
    ),
    "diagnosis.update_too_small_large_weights": _SLOW_LAYER,
    "diagnosis.update_too_small_large_weights.try": (
        "这一层的权重已经变得非常大，这通常是学习率曾经过高造成的；请降低学习率并重置权重。"
    ),
    "diagnosis.dead_units": (
        "{layer:layer}有 {share:.0%} 的神经元已经“死亡”：它们对每个验证样本都输出 0，不再学习。"
    ),
    "diagnosis.dead_units.try": "使用 LeakyReLU、降低学习率，或重置权重。",
    "diagnosis.total_norm_large": "梯度的总范数达到 {total:.3g}，大到足以让训练不稳定。",
    "diagnosis.total_norm_large.try": "降低学习率，或打开梯度裁剪（例如设为 1）。",
    "training.process_silent": "训练进程没有及时响应；请停止本次运行，然后再按“训练”。",
    "training.no_samples": "数据中没有训练样本；请降低验证集比例或增加样本。",
    "training.batchnorm_batch": "BatchNorm 每个批次至少需要 2 个样本；请把批大小设为 2 或更大。",
    "training.start_weights_mismatch": (
        "给定的初始权重与此模型不匹配（层或尺寸不同）；请重置权重，或使用保存这些权重时的模型。"
    ),
    "training.lr_not_positive": "学习率必须是正数，而不是 {value:g}。",
    "training.weight_not_finite": "权重必须是有限的数值，而不是 {value}。",
    "training.no_parameter": "模型中没有参数“{name}”；它的参数有 {known:list}。",
    "training.position_outside": (
        "位置 {index} 超出了“{name}”的范围（其形状为 {shape}）；请选择范围内的位置。"
    ),
    "training.busy_weights": "只有在训练暂停或停止时才能修改权重；请先暂停训练。",
    "training.busy_snapshot": "只有在没有批次运行时才能获取快照；请先暂停训练。",
    "training.reset_while_running": "运行期间不能重置权重；请先停止训练。",
    "training.already_running": "此实验正在训练；请先停止，再重新开始。",
    "training.diverged": "{reason}请先重置权重，再重新训练。",
}

#: The command line's sentences and the core's titles and help, by their English text.
TEXTS: dict[str, str] = {
    # ---- optimizers, losses, schedules (core/spec/options.py) -------------------------
    "Cross-entropy": "交叉熵",
    "For classes: one output per class.": "用于分类：每个类别一个输出。",
    "Binary cross-entropy": "二元交叉熵",
    "For exactly two classes: one output.": "用于正好两个类别：一个输出。",
    "Mean squared error": "均方误差",
    "For numbers: the mean of the squared errors.": "用于数值：误差平方的平均值。",
    "Mean absolute error": "平均绝对误差",
    "For numbers: the mean of the absolute errors (L1); less hurt by outliers.": (
        "用于数值：误差绝对值的平均值（L1）；受离群点影响较小。"
    ),
    "Huber": "Huber 损失",
    "For numbers: squared for small errors, absolute for large ones.": (
        "用于数值：误差小时取平方，误差大时取绝对值。"
    ),
    "PyTorch default": "PyTorch 默认",
    "Each layer keeps what PyTorch drew when building it: weights and biases spread evenly "
    "between -1/√n and 1/√n, where n is the layer's number of inputs.": (
        "每一层保持 PyTorch 创建它时抽取的值：权重和偏置均匀分布在 -1/√n 到 1/√n 之间，"
        "n 是这一层的输入个数。"
    ),
    "Xavier (Glorot) uniform": "Xavier（Glorot）均匀分布",
    "Weights spread evenly between ±√(6 / (inputs + outputs)), so signals keep their size "
    "going forwards and backwards; biases start at zero.": (
        "权重均匀分布在 ±√(6 / (输入个数 + 输出个数)) 之间，使信号在前向和反向传播中保持大小；"
        "偏置从 0 开始。"
    ),
    "Kaiming (He) normal": "Kaiming（He）正态分布",
    "Weights drawn from a bell curve (normal distribution) of spread √(2 / n), n the number of "
    "inputs, which keeps signals their size through ReLU layers; biases start at zero.": (
        "权重从标准差为 √(2 / n) 的钟形曲线（正态分布）中抽取，n 是输入个数，"
        "这样信号经过 ReLU 层时能保持大小；偏置从 0 开始。"
    ),
    "Constant": "不变",
    "Step decay": "阶梯衰减",
    "Cosine annealing": "余弦退火",
    "Reduce on plateau": "停滞时降低",
    "Learning rate": "学习率",
    "Learning rate.": "学习率。",
    "Momentum": "动量",
    "SGD and RMSprop momentum.": "SGD 和 RMSprop 的动量。",
    "Nesterov momentum": "Nesterov 动量",
    "SGD only: Nesterov momentum (needs momentum > 0).": "仅用于 SGD：Nesterov 动量（需要动量 > 0）。",
    "Beta 1": "Beta 1",
    "Adam/AdamW averaging factor for the gradient.": "Adam/AdamW 对梯度的平均系数。",
    "Beta 2": "Beta 2",
    "Adam/AdamW averaging factor for the squared gradient.": "Adam/AdamW 对梯度平方的平均系数。",
    "Weight decay": "权重衰减",
    "L2 penalty on the weights.": "对权重的 L2 惩罚。",
    "Every (epochs)": "每隔（轮次）",
    "Step: epochs between decays.": "阶梯衰减：两次衰减之间的轮次数。",
    "Multiply by": "乘以",
    "Step: factor applied at each decay.": "阶梯衰减：每次衰减时乘上的系数。",
    "Half-cycle (epochs)": "半周期（轮次）",
    "Cosine: epochs of one half-cycle (default: all).": "余弦退火：半个周期的轮次数（默认：全部）。",
    "Lowest rate": "最低学习率",
    "Cosine and plateau: lowest learning rate.": "余弦退火和停滞时降低：最低学习率。",
    "Patience (epochs)": "耐心（轮次）",
    "Plateau: epochs without improvement before decaying.": "停滞时降低：没有改善多少轮次后才衰减。",
    "Decay factor": "衰减系数",
    "Plateau: factor applied at each decay.": "停滞时降低：每次衰减时乘上的系数。",
    "Batch size": "批大小",
    "Samples per weight update.": "每次更新权重所用的样本数。",
    "Epochs": "轮次",
    "Passes over the training data.": "遍历训练集的次数。",
    "Seed": "随机种子",
    "Seed for initial weights and batch order.": "初始权重和批次顺序的随机种子。",
    "Clip gradients": "梯度裁剪",
    "Clip the total gradient norm to this value (off when empty).": "把梯度的总范数裁剪到这个值（留空则关闭）。",
    "Clear gradients before each step": "每一步之前清零梯度",
    "Off, the gradients add up from step to step, as when optimizer.zero_grad() is forgotten.": (
        "关闭时梯度会一步步累加，就像忘了调用 optimizer.zero_grad() 一样。"
    ),
    # ---- built-in data sets (core/data/catalog.py) ------------------------------------
    "Circle": "圆环",
    "Two classes: a disc of points inside a ring (TensorFlow Playground's circle).": (
        "两个类别：圆环里面有一团圆盘状的点（TensorFlow Playground 的 circle）。"
    ),
    "Exclusive or (XOR)": "异或（XOR）",
    "Two classes by quadrant: same-sign corners against opposite-sign corners (XOR).": (
        "按象限分成两类：同号的两个象限对异号的两个象限（XOR）。"
    ),
    "Two gaussians": "两个高斯团",
    "Two classes as two round clouds of points; noise makes them overlap.": (
        "两个类别是两团圆形的点云；噪声会让它们重叠。"
    ),
    "Spiral": "螺旋",
    "Two classes wound around each other as two spiral arms; the hardest 2-D set.": (
        "两个类别像两条螺旋臂一样互相缠绕；最难的二维数据集。"
    ),
    "Plane (regression)": "平面（回归）",
    "Regression on the plane: the target rises evenly along x1 + x2.": "平面上的回归：目标沿 x1 + x2 均匀上升。",
    "Multi-gaussian (regression)": "多个高斯（回归）",
    "Regression on the plane: six bumps and dips, the target is the strongest one.": (
        "平面上的回归：六个凸起和凹陷，目标取其中最强的一个。"
    ),
    "Line y = 2x (regression)": "直线 y = 2x（回归）",
    "Regression with one input: y = 2x plus noise, for fitting a straight line.": (
        "只有一个输入的回归：y = 2x 加上噪声，用来拟合一条直线。"
    ),
    "Identity (regression)": "恒等映射（回归）",
    "Regression on the plane: the two targets are the two inputs themselves.": (
        "平面上的回归：两个目标就是两个输入本身。"
    ),
    "Random regression": "随机回归",
    "A small regression set: two random inputs and a random linear target.": (
        "一个小的回归数据集：两个随机输入和一个随机的线性目标。"
    ),
    "Course: x = 1…5, y = 2x": "课程：x = 1…5，y = 2x",
    "The course's five points x = 1…5 with y = 2x, for linear regression.": (
        "课程中的五个点 x = 1…5，y = 2x，用于线性回归。"
    ),
    "Course: identity on five points": "课程：五个点上的恒等映射",
    "The course's five points (1, 2)…(5, 6), each its own target (identity).": (
        "课程中的五个点 (1, 2)…(5, 6)，每个点的目标就是它自己（恒等映射）。"
    ),
    "Course: random samples (randn)": "课程：随机样本（randn）",
    "The course's random samples: inputs and targets drawn with randn.": "课程中的随机样本：输入和目标都用 randn 生成。",
    "Course: whole numbers (randint)": "课程：随机整数（randint）",
    "The course's random whole numbers x and y from randint(1, 5).": "课程中由 randint(1, 5) 生成的随机整数 x 和 y。",
    "Iris flowers": "鸢尾花",
    "Iris flowers: 150 samples, 4 measurements, 3 species (scikit-learn).": (
        "鸢尾花：150 个样本，4 项测量值，3 个品种（scikit-learn）。"
    ),
    "Wine": "葡萄酒",
    "Wines: 178 samples, 13 chemical measurements, 3 cultivars (scikit-learn).": (
        "葡萄酒：178 个样本，13 项化学测量值，3 个品种（scikit-learn）。"
    ),
    "Breast cancer": "乳腺癌",
    "Breast tumours: 569 samples, 30 measurements, malignant or benign (scikit-learn).": (
        "乳腺肿瘤：569 个样本，30 项测量值，恶性或良性（scikit-learn）。"
    ),
    "Handwritten digits": "手写数字",
    "Handwritten digits: 1797 images of 8×8 pixels, 10 classes (scikit-learn).": (
        "手写数字：1797 张 8×8 像素的图像，10 个类别（scikit-learn）。"
    ),
    "Number of samples generated.": "生成的样本数。",
    "Noise level from 0 (none) to 1 (very noisy).": "噪声大小，从 0（无噪声）到 1（噪声很大）。",
    "Share of the samples held out for validation.": "留作验证集的样本比例。",
    "Seed that generates and splits the data.": "生成和划分数据所用的随机种子。",
    "Extra inputs computed from x1 and x2 (2-D data sets only).": "由 x1 和 x2 计算出的额外输入（仅限二维数据集）。",
    "Digits only: give 1×8×8 images instead of 64 flat features.": "仅限 digits：给出 1×8×8 的图像，而不是 64 个展平的特征。",
    "outside": "外圈",
    "inside": "内圈",
    "opposite signs": "异号",
    "same signs": "同号",
    "lower-left cloud": "左下点云",
    "upper-right cloud": "右上点云",
    "arm A": "螺旋臂 A",
    "arm B": "螺旋臂 B",
    # ---- layers and their parameters (core/layers/catalog.py) -------------------------
    "Fully connected layer: every output is a weighted sum of all inputs plus a bias.": (
        "全连接层：每个输出都是所有输入的加权和再加上偏置。"
    ),
    "Layer {number} · {kind}": "第 {number} 层 · {kind}",
    "weight": "权重",
    "neurons": "神经元",
    "Number of neurons (outputs) of this layer.": "这一层的神经元（输出）个数。",
    "bias": "偏置",
    "Learn an additive bias for every output.": "为每个输出学习一个加上去的偏置。",
    "2-D convolution: slides small learned filters over an image.": "二维卷积：把学到的小卷积核在图像上滑动。",
    "filters": "卷积核",
    "Number of filters (output channels).": "卷积核个数（输出通道数）。",
    "kernel": "核大小",
    "Side of each square filter.": "每个正方形卷积核的边长。",
    "stride": "步幅",
    "Step between filter positions.": "卷积核每次移动的距离。",
    "padding": "填充",
    "Zeros added around the image on every side.": "在图像四周补上的零。",
    "Keeps the largest value of each window: shrinks the image, keeps strong features.": (
        "保留每个窗口中的最大值：缩小图像，保留强特征。"
    ),
    "Side of the square window.": "正方形窗口的边长。",
    "Step between windows; 0 means the same as the kernel.": "窗口每次移动的距离；0 表示与核大小相同。",
    "Averages each window: shrinks the image smoothly.": "对每个窗口取平均：平滑地缩小图像。",
    "Turns an image (channels×height×width) into one flat list of features.": (
        "把图像（通道×高×宽）展平成一列特征。"
    ),
    "During training, zeroes a random share of values so the network cannot rely on any one.": (
        "训练时随机把一部分值置零，让网络不能依赖其中任何一个。"
    ),
    "drop rate": "丢弃比例",
    "Share of values set to zero while training.": "训练时置零的值所占的比例。",
    "Normalises every feature over the batch, then scales and shifts it (learned).": (
        "在批次上对每个特征做归一化，然后缩放和平移（可学习）。"
    ),
    "momentum": "动量",
    "How fast the running statistics follow each batch.": "运行统计量跟随每个批次变化的快慢。",
    "eps": "eps",
    "Small number added to the variance for stability.": "为了数值稳定加到方差上的小数。",
    "Normalises every channel over the batch and image, then scales and shifts it.": (
        "在批次和图像上对每个通道做归一化，然后缩放和平移。"
    ),
    "Normalises all values of each sample, then scales and shifts them (learned).": (
        "对每个样本的所有值做归一化，然后缩放和平移（可学习）。"
    ),
    "max(0, x): passes positives, blocks negatives.": "max(0, x)：正数通过，负数被挡住。",
    "Like ReLU but lets a small slope through for negatives, so units never die.": (
        "和 ReLU 类似，但负数部分保留一个小斜率，所以神经元不会“死亡”。"
    ),
    "slope": "斜率",
    "Slope used for negative inputs.": "负输入使用的斜率。",
    "Smooth ReLU variant that saturates at -alpha for large negative inputs.": (
        "平滑的 ReLU 变体，负输入很大时趋于 -alpha。"
    ),
    "alpha": "alpha",
    "Value approached for large negative inputs.": "负输入很大时趋近的值。",
    "Smooth ReLU used in transformers: x weighted by its probability.": "Transformer 中使用的平滑 ReLU：x 乘以它的概率。",
    "x·sigmoid(x) (also called Swish): smooth and non-monotonic.": "x·sigmoid(x)（也叫 Swish）：平滑且不单调。",
    "Squashes values into (-1, 1); centred on zero.": "把值压缩到 (-1, 1)；以零为中心。",
    "Squashes values into (0, 1); saturates for large inputs.": "把值压缩到 (0, 1)；输入很大时饱和。",
    "log(1 + eˣ): a smooth ReLU that is always positive.": "log(1 + eˣ)：一个始终为正的平滑 ReLU。",
    "beta": "beta",
    "Sharpness: larger values are closer to ReLU.": "锐度：值越大越接近 ReLU。",
    "Passes values through unchanged (a linear 'activation').": "原样输出（一个线性的“激活函数”）。",
    # ---- shipped examples (resources/presets) -----------------------------------------
    "Linear regression": "线性回归",
    "Fit a straight line to y = 2x: one weight and one bias, learned by SGD.": (
        "用一条直线拟合 y = 2x：一个权重和一个偏置，由 SGD 学习。"
    ),
    "Plane regression": "平面回归",
    "Predict a number that rises evenly across the plane: a single Linear layer fits it.": (
        "预测一个在平面上均匀上升的数：一个 Linear 层就能拟合。"
    ),
    "Simple network": "简单网络",
    "The smallest network with a hidden layer (2-2-1, ReLU) trained by Adam on 10 random samples.": (
        "带一个隐藏层的最小网络（2-2-1，ReLU），用 Adam 在 10 个随机样本上训练。"
    ),
    "MLP identity": "MLP 恒等映射",
    "A 2-5-2 network with ReLU learns to give back its own inputs.": "一个使用 ReLU 的 2-5-2 网络学习输出它自己的输入。",
    "Two clouds": "两团点云",
    "Two round clouds of points: a single Linear layer (logistic regression) separates them.": (
        "两团圆形的点云：一个 Linear 层（逻辑回归）就能把它们分开。"
    ),
    "XOR": "异或（XOR）",
    "Points by quadrant: no straight line separates them, a hidden layer does.": (
        "按象限分布的点：没有一条直线能分开它们，但一个隐藏层可以。"
    ),
    "A disc inside a ring: one small hidden layer learns the round boundary.": (
        "圆环里的圆盘：一个小隐藏层就能学会圆形的边界。"
    ),
    "Two interleaved spiral arms: a deeper network bends its boundary around them.": (
        "两条交错的螺旋臂：更深的网络会把边界弯绕过它们。"
    ),
    "Tell three iris species apart from four flower measurements.": "根据花的四项测量值区分三种鸢尾花。",
    "Read 8×8 handwritten digits with a small fully connected network.": "用一个小的全连接网络识别 8×8 的手写数字。",
    "Digits with convolutions": "用卷积识别数字",
    "Read 8×8 handwritten digits as images with two small convolution layers.": (
        "把 8×8 的手写数字当作图像，用两个小卷积层来识别。"
    ),
    "Course: linear regression": "课程：线性回归",
    "The course's linear regression: Linear(1, 1) on x = 1…5, y = 2x, MSE, SGD 0.01, full batch, 1000 epochs.": (
        "课程中的线性回归：在 x = 1…5、y = 2x 上训练 Linear(1, 1)，MSE，SGD 0.01，全批量，1000 轮。"
    ),
    "Course: gradient descent by hand": "课程：手动梯度下降",
    "y = a·x + b by gradient descent on 20 points from randint(1, 5) with seed 21, lr 0.01, 50 epochs.": (
        "用梯度下降求 y = a·x + b：20 个由 randint(1, 5) 生成的点，种子 21，学习率 0.01，50 轮。"
    ),
    "Course: 2-5-2 identity": "课程：2-5-2 恒等映射",
    "The course's 2-5-2 network with ReLU learning the identity on five points, MSE, SGD 0.01.": (
        "课程中使用 ReLU 的 2-5-2 网络在五个点上学习恒等映射，MSE，SGD 0.01。"
    ),
    "Course: forgetting zero_grad": "课程：忘记 zero_grad",
    "The course's linear regression with 'clear gradients before each step' off: the gradients add up.": (
        "课程中的线性回归，关闭“每一步之前清零梯度”：梯度会不断累加。"
    ),
    "Course: 2-2-1 with Adam": "课程：用 Adam 训练 2-2-1",
    "The course's 2-2-1 network with ReLU trained by Adam 0.001 for 100 epochs on 10 random samples.": (
        "课程中使用 ReLU 的 2-2-1 网络，在 10 个随机样本上用 Adam 0.001 训练 100 轮。"
    ),
    "Learning rate too high": "学习率过高",
    "The spiral with a learning rate far too high: the loss jumps about or runs away.": (
        "学习率过高的螺旋数据：损失来回跳动甚至发散。"
    ),
    "Overfitting with little data": "数据太少导致过拟合",
    "Forty noisy points and a large network: training loss falls while validation loss rises.": (
        "四十个带噪声的点加一个大网络：训练损失下降，验证损失却上升。"
    ),
    "Spiral with features": "带额外特征的螺旋",
    "The spiral for a shallow network that gets extra inputs x1², x2², x1·x2, sin x1 and sin x2.": (
        "给浅层网络额外输入 x1²、x2²、x1·x2、sin x1 和 sin x2 的螺旋数据。"
    ),
    # ---- devices (core/training/devices.py) -------------------------------------------
    "NVIDIA GPU (CUDA)": "NVIDIA GPU（CUDA）",
    "Apple GPU (MPS)": "Apple GPU（MPS）",
    "no CUDA GPU was found: PyTorch here is a CPU-only build": "没有找到 CUDA GPU：这里的 PyTorch 只支持 CPU",
    "no CUDA GPU was found: this computer has no NVIDIA GPU or its driver is missing": (
        "没有找到 CUDA GPU：这台电脑没有 NVIDIA GPU，或者缺少驱动程序"
    ),
    "this PyTorch has no MPS support (Apple GPUs only)": "这个 PyTorch 不支持 MPS（仅限 Apple GPU）",
    "MPS is built in but not usable here: it needs macOS 12.3 or later on an Apple GPU": (
        "已内置 MPS，但在这里无法使用：它需要 Apple GPU 和 macOS 12.3 或更高版本"
    ),
    # ---- the autograd lab's examples (resources/lab) and the lessons' units -----------
    "Tensors and devices: a tensor lives on a device, and .to(device) makes a copy there": (
        "张量与设备：张量存放在某个设备上，.to(device) 会在那里复制一份"
    ),
    "The computation graph: y = x + 2, z = mean(y * y)": "计算图：y = x + 2，z = mean(y * y)",
    "A long path: ten matrix products, and why gradients grow along it": "长路径：连续十次矩阵乘法，以及梯度为什么沿着它变大",
    "Derivatives: y = 2x² + 3 at x = 10, then z = 5y + 6": "导数：在 x = 10 处求 y = 2x² + 3，再求 z = 5y + 6",
    "The chain rule with two inputs: y = 2x² + 3a, b = 6xa, z = y² + 1/(b·y)": (
        "有两个输入的链式法则：y = 2x² + 3a，b = 6xa，z = y² + 1/(b·y)"
    ),
    "Gradients add up: backward three times without zeroing, then with zeroing": (
        "梯度会累加：先不清零连续 backward 三次，再在清零后 backward"
    ),
    "no_grad: inside the block nothing is recorded for backward": "no_grad：在这个代码块里，不会为反向传播记录任何东西",
    "Tensors": "张量",
    "Autograd": "自动求导",
    "Gradient descent": "梯度下降",
    "Neural networks": "神经网络",
    "Playground": "练习场",
    # ---- the loss landscape (core/landscape) ------------------------------------------
    "The loss on a flat slice through the current weights (the centre). The two axes are random directions in weight space, each scaled filter by filter to the size of the weights (Li et al., 2018); biases stay fixed. The line is the training path projected onto this slice.": (
        "穿过当前权重（中心点）的一个平面切片上的损失。两条轴是权重空间中的随机方向，"
        "每个方向都按卷积核逐个缩放到与权重同样的大小（Li 等，2018）；偏置保持不变。"
        "图中的线是训练路径在这个切片上的投影。"
    ),
    # ---- the command line (playground/cli) --------------------------------------------
    "'{source}' is neither an experiment file nor a preset; give the path of a .json experiment or one of the presets: {presets}.": (
        "'{source}' 既不是实验文件也不是示例；请给出一个 .json 实验文件的路径，或下列示例之一：{presets}。"
    ),
    "Total parameters: {count}": "参数总数：{count}",
    "classification, {count} classes": "分类，{count} 个类别",
    "regression, {count} target(s)": "回归，{count} 个目标",
    "{label} is valid: {data} data ({what}), loss {loss}.": "{label} 有效：{data} 数据（{what}），损失函数 {loss}。",
    "preset {name}": "示例 {name}",
    "Layer": "层",
    "Output shape": "输出形状",
    "Parameters": "参数",
    "input": "输入",
    "validate an experiment file and show its model": "检查实验文件并显示其模型",
    "Check an experiment file (or preset) against its data and print every layer's output shape and parameter count.": (
        "对照数据检查实验文件（或示例），并打印每一层的输出形状和参数个数。"
    ),
    "an experiment file (.json or .playground) or a preset name": "实验文件（.json 或 .playground）或示例名称",
    "language of the messages: en, zh_CN or system (default: the system's)": (
        "消息的语言：en、zh_CN 或 system（默认：跟随系统）"
    ),
    "must be at least 1, not {value}": "必须至少为 1，而不是 {value}",
    "'{value}' is not a whole number": "'{value}' 不是整数",
    "Exported {label} as {what} to {file}.": "已把 {label} 导出为 {what}：{file}。",
    "weights": "权重",
    "a training script": "训练脚本",
    "give -o another path": "请给 -o 另一个路径",
    "export a model as weights, TorchScript, ONNX or a training script": "把模型导出为权重、TorchScript、ONNX 或训练脚本",
    "Export an experiment's model. Weights come from the .playground file or --weights; without either, the model keeps the initial weights of its seed. A script export writes a standalone PyTorch training script.": (
        "导出实验的模型。权重来自 .playground 文件或 --weights；两者都没有时，模型使用其随机种子给出的初始权重。"
        "导出脚本会写出一个独立的 PyTorch 训练脚本。"
    ),
    "a .playground or .json file, or a preset name": ".playground 或 .json 文件，或示例名称",
    "what to write": "要写出的内容",
    "the file to write, or a folder to write it in (named after the experiment)": "要写入的文件，或存放它的文件夹（以实验命名）",
    "trained weights to use (.safetensors, .pt or .playground)": "要使用的训练后权重（.safetensors、.pt 或 .playground）",
    "made by {function}": "由 {function} 生成",
    "shape {shape}": "形状 {shape}",
    "'{path}' is not a regular file; give the path of a lab script": "'{path}' 不是普通文件；请给出实验室脚本的路径",
    "'{name}' has {size} bytes; a lab script has at most {most} characters": (
        "'{name}' 有 {size} 字节；实验室脚本最多 {most} 个字符"
    ),
    "leaf, requires grad": "叶子张量，需要梯度",
    "leaf": "叶子张量",
    "run an autograd lab script and print its tensors and gradients": "运行自动求导实验室脚本，并打印其中的张量和梯度",
    "Run a lab script (tensors, arithmetic, backward(), no_grad) and print every named tensor's value and gradient. Shipped examples: {examples}.": (
        "运行实验室脚本（张量、算术、backward()、no_grad），并打印每个命名张量的值和梯度。自带的示例：{examples}。"
    ),
    "a .lab file or a shipped example's name": ".lab 文件或自带示例的名称",
    "print one JSON object: name -> {value, grad}": "打印一个 JSON 对象：名称 -> {value, grad}",
    "'{source}' is neither a lab script file nor a shipped example; give the path of a .lab file or one of: {names}": (
        "'{source}' 既不是实验室脚本文件也不是自带示例；请给出 .lab 文件的路径，或下列之一：{names}"
    ),
    "'{name}' is not a text file (UTF-8); save the script as text": "'{name}' 不是文本文件（UTF-8）；请把脚本保存为文本",
    "example {name}": "示例 {name}",
    "Design, train and watch small neural networks. Without a command the app opens ('playground [FILE] [--preset NAME]'); with a command it runs in the terminal.": (
        "设计、训练并观察小型神经网络。不带命令时打开应用（'playground [FILE] [--preset NAME]'）；"
        "带命令时在终端中运行。"
    ),
    "Run 'playground COMMAND --help' for the options of one command.": "运行 'playground COMMAND --help' 查看某个命令的选项。",
    "open the app with this preset (see 'playground presets')": "用这个示例打开应用（见 'playground presets'）",
    "commands": "命令",
    "'{given}' is neither a command nor an experiment file{hint}; the commands are {commands}.": (
        "'{given}' 既不是命令也不是实验文件{hint}；可用的命令有 {commands}。"
    ),
    "stopped by Ctrl+C.": "已被 Ctrl+C 停止。",
    "stopped by Ctrl+C after {steps} steps": "训练了 {steps} 步后被 Ctrl+C 停止",
    # ---- what differs between two runs (core/runs/differences.py) ---------------------
    "data": "数据",
    "model": "模型",
    "loss": "损失",
    "optimizer": "优化器",
    "schedule": "学习率调度",
    "training": "训练",
    "data set": "数据集",
    "validation share": "验证集比例",
    "derived inputs": "派生输入",
    "digits as images": "数字作为图像",
    "CSV file": "CSV 文件",
    "feature columns": "特征列",
    "target column": "目标列",
    "standardise": "标准化",
    "type": "类型",
    "learning rate": "学习率",
    "weight decay": "权重衰减",
    "step size (epochs)": "步长（轮）",
    "half-cycle (epochs)": "半周期（轮）",
    "lowest learning rate": "最低学习率",
    "batch size": "批大小",
    "gradient clipping": "梯度裁剪",
    "initial weights": "初始权重",
    "source": "来源",
    "layer {number}": "第 {number} 层",
    "none": "无",
    "on": "开",
    "off": "关",
    ", then {lr} from epoch {epoch}": "，从第 {epoch} 轮起为 {lr}",
    # ---- why a save failed (core/io/save_errors.py) ------------------------------------
    "the autosave": "自动保存",
    "the experiment": "实验",
    "run {number}": "第 {number} 次运行",
    "the disk is full": "磁盘已满",
    "the disk quota is used up": "磁盘配额已用完",
    "the disk is read-only": "磁盘是只读的",
    "there is no permission to write there": "没有在那里写入的权限",
    "the file name is too long": "文件名太长",
    "the folder does not exist": "文件夹不存在",
    "a folder has that name": "已有同名的文件夹",
    "Could not save {name}: {error}. Nothing was saved.": "无法保存{name}：{error}。什么都没有保存。",
    "Could not save {name}: {reason}. Nothing was saved; choose another folder or free some space and save again.": (
        "无法保存{name}：{reason}。什么都没有保存；请选择其他文件夹或腾出一些空间后再保存。"
    ),
    "Could not save {name}: there is not enough memory. Nothing was saved; close other programs and save again.": (
        "无法保存{name}：内存不足。什么都没有保存；请关闭其他程序后再保存。"
    ),
    "Could not save {name} because of an unexpected problem ({kind}). Nothing was saved; try Save As with another name, and report the problem if it stays.": (
        "由于意外问题（{kind}），无法保存{name}。什么都没有保存；请用“另存为”换个名字试试，如果问题仍在，请报告它。"
    ),
    "{what} cannot be written as a file ({error}); change the last setting you edited and save again": (
        "{what}无法写成文件（{error}）；请修改你最后编辑的设置后再保存"
    ),
    "the name of {what} holds a character that cannot be stored (a broken piece of an emoji or accent); the app cannot change it, so correct it in the file the experiment came from and open that file again": (
        "{what}的名称含有无法保存的字符（残缺的表情符号或重音符号）；本程序无法修改它，请在实验来源的文件中改正后重新打开那个文件"
    ),
    "the description of {what} holds a character that cannot be stored (a broken piece of an emoji or accent); the app cannot change it, so correct it in the file the experiment came from and open that file again": (
        "{what}的说明含有无法保存的字符（残缺的表情符号或重音符号）；本程序无法修改它，请在实验来源的文件中改正后重新打开那个文件"
    ),
    "the file path of {what} ('{place}') holds a character that cannot be stored (a broken piece of an emoji or accent); rename that file or its folder, choose it again and save again": (
        "{what}的文件路径（'{place}'）含有无法保存的字符（残缺的表情符号或重音符号）；请重命名那个文件或其文件夹，重新选择后再保存"
    ),
    "the setting '{place}' of {what} holds a character that cannot be stored (a broken piece of an emoji or accent); change that setting and save again": (
        "{what}的设置 '{place}' 含有无法保存的字符（残缺的表情符号或重音符号）；请修改这个设置后再保存"
    ),
    # ---- exports (core/export) -------------------------------------------------------
    "{layer} cannot be exported to ONNX yet; remove it or export TorchScript or weights instead": (
        "{layer}还不能导出为 ONNX；请删除它，或改为导出 TorchScript 或权重"
    ),
    "ONNX export is not included in this download of Torch Playground, to keep it small; export the model as TorchScript or as weights instead": (
        "为了保持体积小，这个 Torch Playground 下载版不包含 ONNX 导出；请把模型导出为 TorchScript 或权重"
    ),
    "ONNX export needs the optional packages onnx and onnxscript; install them with: pip install torch-playground[export]": (
        "ONNX 导出需要可选的软件包 onnx 和 onnxscript；请用以下命令安装：pip install torch-playground[export]"
    ),
    "No trained weights were given, so the export holds the initial weights of seed {seed}; train and save the experiment to export a trained model.": (
        "没有提供训练好的权重，所以导出的是种子 {seed} 的初始权重；先训练并保存实验，再导出训练好的模型。"
    ),
    "The script trains the model from the weights set by hand; the trained weights are not part of it.": (
        "脚本从手动设置的权重开始训练模型；训练好的权重不包含在脚本中。"
    ),
    "The script trains the model from its seed; the trained weights are not part of it.": (
        "脚本从种子给出的初始权重开始训练模型；训练好的权重不包含在脚本中。"
    ),
    "The weights set by hand hold {count:,} numbers, more than the {most:,} a training script can spell out; export the weights instead, or reset them.": (
        "手动设置的权重共有 {count:,} 个数，超过了训练脚本能写出的 {most:,} 个；请改为导出权重，或重置它们。"
    ),
    "The weights set by hand do not fit the layers any more; set them again or reset them.": (
        "手动设置的权重已经和现在的层对不上了；请重新设置或重置它们。"
    ),
    "the computer ran out of memory; use fewer samples, a smaller model or batch size.": (
        "电脑内存不足；请减少样本、使用更小的模型或更小的批大小。"
    ),
    "a file could not be read or written{where}: {reason}; check the path and permissions.": (
        "无法读取或写入文件{where}：{reason}；请检查路径和权限。"
    ),
    "something unexpected went wrong ({error}). Please report this with the command you ran.": (
        "发生了意外错误（{error}）。请连同你运行的命令一起报告这个问题。"
    ),
    "the system refused": "系统拒绝了操作",
    "list the example experiments": "列出示例实验",
    "List the shipped presets.": "列出自带的示例。",
    "give --out another folder": "请给 --out 另一个文件夹",
    "epoch {value}": "轮次 {value}",
    "step {value}": "步 {value}",
    "steps {steps}, epochs {epochs}, {seconds} s on {device}": "{steps} 步，{epochs} 轮，在 {device} 上用时 {seconds} 秒",
    "train loss {train}, validation loss {validation}": "训练损失 {train}，验证损失 {validation}",
    "train accuracy {train}, validation accuracy {validation}": "训练准确率 {train}，验证准确率 {validation}",
    "--out '{out}' is a file, not a folder; give a folder for the results.": (
        "--out '{out}' 是一个文件，而不是文件夹；请给出存放结果的文件夹。"
    ),
    "Training {label} on {device} ({task}, {count} samples)": "正在 {device} 上训练 {label}（{task}，{count} 个样本）",
    "Results written to {folder}": "结果已写入 {folder}",
    "must be between 0 and {most}, not {value}": "必须在 0 到 {most} 之间，而不是 {value}",
    "train an experiment file or preset in the terminal": "在终端中训练实验文件或示例",
    "Train an experiment headless. Progress is shown while it runs; Ctrl+C stops cleanly and still writes the results.": (
        "不打开窗口训练实验。运行时显示进度；按 Ctrl+C 可以干净地停止，并且仍会写出结果。"
    ),
    "train for N epochs": "训练 N 轮",
    "stop after N optimizer steps": "优化器走 N 步后停止",
    "auto, cpu, cuda, cuda:N or mps (default: the experiment's)": "auto、cpu、cuda、cuda:N 或 mps（默认：实验中的设置）",
    "seed for weights and batch order": "权重和批次顺序的随机种子",
    "Initial weights: {init}": "初始权重：{init}",
    "how the weights start: {choices} (default: the experiment's)": (
        "权重怎样初始化：{choices}（默认：实验文件里的设置）"
    ),
    "'{value}' is not a way to start the weights; choose one of {choices}": (
        "'{value}' 不是一种权重初始化方式；请从这些中选择：{choices}"
    ),
    "folder for summary.json, metrics.csv, model.pt and experiment.json": (
        "存放 summary.json、metrics.csv、model.pt 和 experiment.json 的文件夹"
    ),
    "no progress, only the final summary": "不显示进度，只显示最后的总结",
    "loss {value}": "损失 {value}",
    "val acc {value}": "验证准确率 {value}",
    "val loss {value}": "验证损失 {value}",
    "command line": "命令行",
    "classification": "分类",
    "regression": "回归",
    "finished": "已完成",
    "stopped": "已停止",
    "diverged": "已发散",
    "failed": "失败",
    "running": "训练中",
    "paused": "已暂停",
    # ---- the autograd lab (core/lab/problems.py) ---------------------------------------
    "line {line}: {text}": "第 {line} 行：{text}",
    "this is not valid lab code ({detail})": "这不是有效的实验室代码（{detail}）",
    "the script has {size} characters; the lab takes at most {limit}": "脚本有 {size} 个字符；实验室最多接受 {limit} 个",
    "'{what}' is not part of the lab language; use assignments, calls such as z.backward(), 'for i in range(n):' and 'with no_grad():'": (
        "'{what}' 不属于实验室语言；请使用赋值、z.backward() 这样的调用、"
        "'for i in range(n):' 和 'with no_grad():'"
    ),
    "'{what}' is not part of the lab language": "'{what}' 不属于实验室语言",
    "'{name}' is not defined yet; assign it first (for example {name} = tensor(1.0))": (
        "'{name}' 还没有定义；请先给它赋值（例如 {name} = tensor(1.0)）"
    ),
    "'{name}' is the name of a lab function; choose another name": "'{name}' 是实验室函数的名字；请换一个名字",
    "names starting with '_' are not allowed ('{name}')": "不允许使用以 '_' 开头的名字（'{name}'）",
    "'{name}' is not a lab function; the functions are {known}": "'{name}' 不是实验室函数；可用的函数有 {known}",
    "'.{name}()' is not a lab method; the methods are {known}": "'.{name}()' 不是实验室方法；可用的方法有 {known}",
    "'.{name}' is not available in the lab; you can read {known}": "实验室里不能使用 '.{name}'；可以读取的有 {known}",
    "only torch's functions can be called through a module ('{name}' is not torch)": (
        "只能通过模块调用 torch 的函数（'{name}' 不是 torch）"
    ),
    "{function}() takes no keyword '{name}'": "{function}() 没有关键字参数 '{name}'",
    "{function}() takes {expected} but was given {given}": "{function}() 接受 {expected}，但收到了 {given}",
    "{function}() needs {expected} for '{argument}', not {given}": "{function}() 的 '{argument}' 需要 {expected}，而不是 {given}",
    "a for loop runs over range(n) only": "for 循环只能遍历 range(n)",
    "a for loop needs one plain name before 'in'": "for 循环在 'in' 前面需要一个简单的名字",
    "only 'with no_grad():' is part of the lab language": "实验室语言里只有 'with no_grad():'",
    "you can assign to a name, to x.data or set x.grad = None": "可以给名字或 x.data 赋值，或者设置 x.grad = None",
    "the script ran more than {limit} steps; make the loops shorter": "脚本运行超过了 {limit} 步；请把循环改短",
    "the script computes too much (more than {limit} operations); use smaller tensors or fewer loop passes": (
        "脚本的计算量太大（超过 {limit} 次运算）；请使用更小的张量或更少的循环次数"
    ),
    "a tensor of {count} numbers is too large for the lab (at most {limit})": (
        "含 {count} 个数的张量对实验室来说太大了（最多 {limit} 个）"
    ),
    "the number {value} is too large here (at most {limit})": "数字 {value} 在这里太大了（最多 {limit}）",
    "{what} must be a whole number from {low} to {high}, not {value}": "{what} 必须是 {low} 到 {high} 之间的整数，而不是 {value}",
    "{what} needs a tensor, but '{name}' is {kind}": "{what} 需要一个张量，但 '{name}' 是 {kind}",
    "{name} has no gradient path: it does not require grad and was not computed from a tensor that does; create a leaf with requires_grad=True": (
        "{name} 没有梯度路径：它不需要梯度，也不是由需要梯度的张量计算出来的；"
        "请用 requires_grad=True 创建一个叶子张量"
    ),
    "backward() without arguments needs a single number, but {name} has shape {shape}; take its mean() or sum() first": (
        "不带参数的 backward() 需要一个单独的数，但 {name} 的形状是 {shape}；请先取它的 mean() 或 sum()"
    ),
    "the graph behind {name} was already used by backward() and freed; compute it again, or call backward(retain_graph=True) the first time": (
        "{name} 背后的计算图已经被 backward() 用过并释放了；请重新计算它，"
        "或者第一次调用时使用 backward(retain_graph=True)"
    ),
    "{name}.grad is None: no backward() has reached {name} yet": "{name}.grad 是 None：还没有 backward() 传到 {name}",
    "{name} is a leaf that requires grad; change it inside 'with no_grad():' or through {name}.data": (
        "{name} 是需要梯度的叶子张量；请在 'with no_grad():' 里修改它，或通过 {name}.data 修改"
    ),
    "'{device}' is not a device; use 'cpu', 'cuda', 'cuda:0' or 'mps'": "'{device}' 不是设备；请使用 'cpu'、'cuda'、'cuda:0' 或 'mps'",
    "the device '{device}' is not available on this computer": "这台电脑上没有设备 '{device}'",
    "torch refused this: {detail}": "torch 拒绝执行：{detail}",
    "the text cannot be read as code": "这段文字无法当作代码读取",
    # ---- the window's start on Linux (gui/shell/xcb_check.py, before Qt can translate) ---
    "The window cannot open because Qt's X11 libraries are missing; install them "
    "with: sudo apt install {packages} (the commands, such as playground train, still work).": (
        "窗口无法打开，因为缺少 Qt 的 X11 库；请用以下命令安装："
        "sudo apt install {packages}（命令行功能，例如 playground train，仍然可以使用）。"
    ),
}
