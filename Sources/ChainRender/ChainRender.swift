import CGraphviz
import ChainModel
