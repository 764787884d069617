"""Real pages kb.text.garbled must read as text: a Chinese paper's reference list or table printed with ASCII
punctuation (GB/T 7714), and an English page whose Word fonts give its math symbols as private-use characters. A
quote of such a page was refused as the extractor's garbage. A page whose math glyphs the extractor gives as U+FFFD
is named unreadable as before (replaced), yet its prose's quotes verify."""

from __future__ import annotations

from kb.text.garbled import REPLACEMENT, garbled, replaced

#: GB/T 7714 references: ideographs in runs a space apart with ASCII punctuation, no CJK punctuation mark.
ZH_REFERENCES = """参考文献
[1] 周志华. 机器学习[M]. 北京: 清华大学出版社, 2016.
[2] 李航. 统计学习方法[M]. 第2版. 北京: 清华大学出版社, 2019.
[3] 王晓峰, 张伟, 陈静. 基于深度神经网络的中文文本分类研究[J]. 计算机学报, 2020, 43(5): 865-879.
[4] 刘洋, 孙茂松. 神经机器翻译前沿进展[J]. 计算机研究与发展, 2017, 54(6): 1144-1149.
[5] 赵鑫, 文继荣. 大语言模型综述[J]. 中国科学: 信息科学, 2023, 53(9): 1613-1647.
[6] 黄萱菁, 邱锡鹏. 自然语言处理中的预训练模型[J]. 中文信息学报, 2021, 35(1): 1-15.
[7] 杨强, 范力欣, 朱军. 联邦学习的隐私保护与安全[J]. 软件学报, 2022, 33(3): 921-944.
[8] 郑纬民. 高性能计算与人工智能的能耗问题[J]. 科技导报, 2021, 39(12): 30-37.
"""

#: A table's cells in Chinese, one row a line, no punctuation at all.
ZH_TABLE = """表 3 各模型训练能耗对比
模型 参数量 训练时长 能耗 碳排放 数据中心
文心一言 2600亿 45天 1287兆瓦时 552吨 北京
通义千问 1000亿 30天 864兆瓦时 371吨 杭州
盘古大模型 2000亿 40天 1105兆瓦时 475吨 贵安
智谱清言 1300亿 35天 932兆瓦时 401吨 上海
讯飞星火 1750亿 38天 1020兆瓦时 438吨 合肥
混元大模型 1500亿 33天 899兆瓦时 386吨 深圳
说明 能耗按照平均功率乘以时长估算 碳排放按照当地电网排放因子计算
"""


#: Symbol and Wingdings glyphs of a Word document read as U+F0xx: alpha, beta, Sigma, '=', '-', '<=', a bullet.
_A, _B, _S, _EQ, _MI, _LE, _BUL = "\uf061", "\uf062", "\uf053", "\uf03d", "\uf02d", "\uf0a3", "\uf0b7"
WORD_MATH = (
    "We minimise the loss with stochastic gradient descent, where the step size is chosen by a line search and the "
    "momentum term is kept fixed for all runs reported below.\n"
    f"L({_A}) {_EQ} {_MI}{_S} log p(y | x; {_A}) + {_B}{_S}{_A}{_A}    (1)\n"
    f"{_A} {_LE} {_B} {_EQ} {_S}{_A}{_B}    (2)\n"
    f"{_BUL} {_A} {_EQ} 0.01 and {_B} {_EQ} 0.9 for every model\n"
    f"{_BUL} {_S} {_LE} 4 layers\n"
    f"E {_EQ} {_S} P{_A} {_MI} {_B}t    (3)\n"
    f"{_A}{_B} {_EQ} {_S}{_A} {_MI} {_S}{_B}    (4)\n"
    "The energy of a run is the sum over its steps of the power drawn times the time taken, as in Eq. (3).\n")


def test_chinese_reference_list_and_table_are_text():
    assert garbled(ZH_REFERENCES) is None
    assert garbled(ZH_TABLE) is None


def test_word_math_symbols_in_private_use_are_text():
    assert garbled(WORD_MATH) is None


def test_letters_given_as_ideographs_or_private_use_are_still_garbage():
    text = ("The model is trained on the data of the task and we report the energy of each run in kWh, which is not "
            "less than it was for the base model in this study. ") * 3
    cjk = "".join(ch if ch.isspace() else chr(ord(ch) + 0x4E00) for ch in text)
    pua = "".join(ch if ch.isspace() else chr(ord(ch) + 0xE000 - 0x20) for ch in text)
    assert "CJK ideographs" in (garbled(cjk) or "")
    assert "private-use" in (garbled(pua) or "")
    # a page of garbage under a heading the good font printed is garbage still
    assert "private-use" in (garbled("Results and Discussion\n" + pua) or "")


def test_math_glyphs_given_as_u_fffd_leave_the_prose_readable():
    page = WORD_MATH.translate({ord(c): REPLACEMENT for c in (_A, _B, _S, _EQ, _MI, _LE, _BUL)})
    assert replaced(page)                   # kb add and kb show name it, as they did
    assert garbled(page) is None            # its words are the paper's: a quote of them is no garbage
    assert "U+FFFD" in (garbled("Results\n" + REPLACEMENT * 300) or "")
    assert "U+FFFD" in (garbled("The model " + " ".join(REPLACEMENT * 5 for _ in range(60))) or "")
