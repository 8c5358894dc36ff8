"""A teacher's own target, part 1: a formula in x, e.g. "0.5*sin(4*pi*x) + x**2".

A target is named by one string everywhere (session, URL, fit file, CLI):
    "sine"                       a name from nnsine.engine.targets.TARGETS
    "f:0.5*sin(4*pi*x) + x**2"   a formula in x, on the book's grid (this module)
    "pts:0,0;0.25,1;1,0"         points (x, y), scored on their own x (nnsine.engine.target_points)
"""

from __future__ import annotations

import ast

import numpy as np
import simpleeval

from nnsine.engine.values import ParamsError
from nnsine.i18n import _, ngettext

FORMULA = "f:"
MAX_FORMULA_CHARS = 200
Y_LIMIT = 100.0  # a target beyond ±100 is a typo: the sliders could never reach it

# What a formula may call, by its number of arguments: NumPy's elementwise functions
# wrapped so that no `out=` argument can be passed (sin(x, x) would write into x).
_ARITY = {1: ("sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",
              "exp", "log", "log2", "log10", "sqrt", "abs", "sign", "floor", "ceil", "round"),
          2: ("minimum", "maximum"), 3: ("where", "clip")}


def _fixed(name: str, arity: int):
    function = getattr(np, name)

    def call(*args):
        if len(args) != arity:
            raise TypeError(ngettext("{name}() takes {n} argument, got {got}",
                                     "{name}() takes {n} arguments, got {got}", arity,
                                     name=name, got=len(args)))
        return function(*args)
    return call


FUNCTIONS = {name: _fixed(name, arity) for arity, names in _ARITY.items() for name in names}
FUNCTIONS["min"], FUNCTIONS["max"] = FUNCTIONS["minimum"], FUNCTIONS["maximum"]
CONSTANTS = {"pi": np.pi, "e": np.e}


class TargetError(ParamsError):
    """A formula or a set of points that cannot be a target; the message says why."""


# Arithmetic on float arrays only: NumPy's ufuncs, so a power overflows to inf (refused
# below) instead of Python computing 9**9**9 as an integer for minutes.
OPERATORS = {ast.Add: np.add, ast.Sub: np.subtract, ast.Mult: np.multiply,
             ast.Div: np.divide, ast.Pow: np.power, ast.Mod: np.mod, ast.USub: np.negative,
             ast.UAdd: np.positive}


def _as_number(compare):
    """A comparison that gives 1.0 or 0.0, so that (x < 0.5) - (x > 0.7) is arithmetic."""
    return lambda a, b: np.asarray(compare(a, b), dtype=np.float64)


OPERATORS |= {ast.Lt: _as_number(np.less), ast.LtE: _as_number(np.less_equal),
              ast.Gt: _as_number(np.greater), ast.GtE: _as_number(np.greater_equal),
              ast.Eq: _as_number(np.equal), ast.NotEq: _as_number(np.not_equal)}
# Everything else simpleeval knows (attributes, indexing, strings, containers,
# comprehensions, assignment, if/and/or) is refused: a formula is arithmetic on x.
ALLOWED_NODES = (ast.Expr, ast.Name, ast.UnaryOp, ast.BinOp, ast.Compare, ast.Call,
                 ast.Constant)


def _evaluator(x) -> simpleeval.SimpleEval:
    evaluator = simpleeval.SimpleEval(operators=OPERATORS, functions=FUNCTIONS,
                                      names={"x": x, **CONSTANTS})
    evaluator.nodes = {node: evaluator.nodes[node] for node in ALLOWED_NODES}
    evaluator.nodes[ast.Constant] = _number
    call = evaluator.nodes[ast.Call]
    evaluator.nodes[ast.Call] = lambda node: _no_keywords(node) or call(node)
    return evaluator


SYMBOLS = {ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not",
           ast.FloorDiv: "//", ast.MatMult: "@", ast.BitAnd: "&", ast.BitOr: "|",
           ast.BitXor: "^", ast.LShift: "<<", ast.RShift: ">>", ast.Invert: "~",
           ast.Not: "not", ast.And: "and", ast.Or: "or"}


def _only_our_operators(tree: ast.AST) -> None:
    # simpleeval looks an unknown comparison (in, is) up without catching the KeyError.
    for node in ast.walk(tree):
        if isinstance(node, (ast.operator, ast.cmpop, ast.unaryop, ast.boolop)) and (
                type(node) not in OPERATORS):
            name = SYMBOLS.get(type(node), type(node).__name__)
            raise simpleeval.FeatureNotAvailable(_("the operator '{operator}' is not available",
                                                   operator=name))


def _no_keywords(node: ast.Call) -> None:
    if node.keywords:
        raise simpleeval.FeatureNotAvailable(_("functions take positional arguments only"))


def _number(node: ast.Constant) -> float:
    if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
        raise simpleeval.FeatureNotAvailable(_("{value} is not a number",
                                               value=short(repr(node.value))))
    return float(node.value)  # OverflowError for a huge integer literal, caught below


def formula(text: str, x: np.ndarray, strict: bool = True) -> np.ndarray:
    """The formula `text` in x evaluated on x (n,) -> (n,) finite values.

    Names: x, pi, e; functions: FUNCTIONS (NumPy's, elementwise), operators + - * / **
    and comparisons (True is 1). Evaluated by simpleeval (no eval, no attributes, no
    imports); at most MAX_FORMULA_CHARS characters, so it runs in microseconds.
    Raises TargetError naming the problem (syntax, unknown name, NaN or inf at an x);
    with strict=False, NaN or inf is NaN in the result instead (for drawing)."""
    if not isinstance(text, str) or not text.strip():
        raise TargetError(_("the formula is empty"))
    if len(text) > MAX_FORMULA_CHARS:
        raise TargetError(_("the formula has {count} characters; at most {most}",
                            count=len(text), most=MAX_FORMULA_CHARS))
    if not text.isprintable():
        raise TargetError(_("the formula has a character that is not printable"))
    if "#" in text:  # Python would read the rest as a comment: text that is not maths
        raise TargetError(_("the formula {formula} has a '#'; a formula is maths only",
                            formula=short(text)))
    x = np.asarray(x, dtype=np.float64)
    try:
        with np.errstate(all="ignore"):
            tree = ast.parse(text.strip(), mode="eval")  # one expression, not statements
            _only_our_operators(tree)
            y = np.asarray(_evaluator(x).eval(text.strip(), previously_parsed=tree.body),
                           dtype=np.float64)
            y = np.broadcast_to(y, x.shape).astype(np.float64)
    except SyntaxError as error:
        # Python's own words for the syntax error (error.msg) stay as Python says them.
        raise TargetError(_("the formula {formula} is not valid: {problem}",
                            formula=short(text), problem=error.msg)) from None
    except simpleeval.NameNotDefined as error:  # simpleeval's own text repeats the formula
        raise TargetError(_("the formula {formula} uses {name}, which is not defined: its "
                            "only names are x, pi and e", formula=short(text),
                            name=short(str(error.name)))) from None
    except simpleeval.FunctionNotDefined as error:
        raise TargetError(_("the formula {formula} calls {name}, which is not defined: its "
                            "functions are {functions}", formula=short(text),
                            name=short(str(error.func_name)),
                            functions=", ".join(sorted(FUNCTIONS)))) from None
    except simpleeval.InvalidExpression as error:
        raise TargetError(_("the formula {formula}: {problem}", formula=short(text),
                            problem=error)) from None
    except (ArithmeticError, ValueError, TypeError, RecursionError, MemoryError) as error:
        raise TargetError(_("the formula {formula} cannot be computed: {problem}",
                            formula=short(text), problem=error)) from None
    bad = ~np.isfinite(y) | (np.abs(y) > Y_LIMIT)
    if not strict:
        return np.where(bad, np.nan, y)
    if bad.any():
        k = int(np.argmax(bad))
        raise TargetError(_("the formula {formula} gives {value} at x = {x}; a target must "
                            "be a finite number in [-{limit:g}, {limit:g}]", formula=short(text),
                            value=repr(float(y[k])), x=repr(float(x[k])), limit=Y_LIMIT))
    return y



def short(text: str, limit: int = 60) -> str:
    """text quoted, cut at `limit` characters: messages name a value without quoting a novel."""
    return repr(text if len(text) <= limit else text[:limit] + "…")
