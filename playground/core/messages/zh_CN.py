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
        "最后一层给出 {outputs} 个输出，但 {data} 有 {classes} 个类别；请把它的神经元数设为 {classes}"
    ),
    "output.target_mismatch": (
        "最后一层给出 {outputs} 个输出，但 {data} 有 {targets} 个要预测的目标；"
        "请把它的神经元数设为 {targets}"
    ),
    "output.bce_needs_one": (
        "使用 bce-with-logits 时最后一层必须只给出 1 个输出（第二个类别的得分），"
        "但它给出 {outputs} 个；请把它的神经元数设为 1"
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
    "note": "{text}",
    # ---- the gradient diagnosis: what happens, and what to try ------------------------
    "diagnosis.gradients_vanish": (
        "梯度消失：{weak:layer}的梯度比{strong:layer}小 {times} 倍，所以靠前的层几乎学不到东西。"
    ),
    "diagnosis.gradients_vanish.try": (
        "试试用 ReLU 或 LeakyReLU 代替 Sigmoid/Tanh，加入 BatchNorm，或减少层数。"
    ),
    "diagnosis.gradients_explode": "梯度爆炸：{strong:layer}的梯度比{weak:layer}大 {times} 倍。",
    "diagnosis.gradients_explode.try": "降低学习率、打开梯度裁剪，或加入 BatchNorm。",
    "diagnosis.update_too_large": (
        "每一步都让{layer:layer}的权重改变约 {ratio:.0%}，远超通常的 0.1%；训练可能会来回跳动。"
    ),
    "diagnosis.update_too_large.try": "降低学习率（例如降到原来的十分之一）。",
    "diagnosis.update_too_small": (
        "每一步只让{layer:layer}的权重改变其大小的约 {ratio:.0e}，远低于通常的 1e-3；这一层学得非常慢。"
    ),
    "diagnosis.update_too_small.try": "提高学习率（例如提高到原来的 10 倍）。",
    "diagnosis.dead_units": (
        "{layer:layer}有 {share:.0%} 的神经元已经“死亡”：它们对每个验证样本都输出 0，不再学习。"
    ),
    "diagnosis.dead_units.try": "使用 LeakyReLU、降低学习率，或重置权重。",
    "diagnosis.total_norm_large": "梯度的总范数达到 {total:.3g}，大到足以让训练不稳定。",
    "diagnosis.total_norm_large.try": "降低学习率，或打开梯度裁剪（例如设为 1）。",
}

#: The command line's sentences and the core's titles and help, by their English text.
TEXTS: dict[str, str] = {
}
