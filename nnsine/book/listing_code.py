"""The code of the chapter's listings that the app shows on its pages (sections 4.9 and
4.10), as the book prints it; their printed output comes from nnsine.book.listings."""

CODE = {
    1: """\
inputs = [0, 2, -1, 3.3, -2.7, 1.1, 2.2, -100]
output = []
for i in inputs:
    if i > 0:
        output.append(i)
    else:
        output.append(0)
print(output)""",
    2: """\
inputs = [0, 2, -1, 3.3, -2.7, 1.1, 2.2, -100]
output = []
for i in inputs:
    output.append(max(0, i))
print(output)""",
    3: """\
# ReLU activation
class Activation_ReLU:

    # Forward pass
    def forward(self, inputs):

        # Calculate output values from input
        self.output = np.maximum(0, inputs)""",
    4: """\
import numpy as np
import nnfs
from nnfs.datasets import spiral_data
nnfs.init()

# Dense layer
class Layer_Dense:
    def __init__(self, n_inputs, n_neurons):
        self.weights = 0.01 * np.random.randn(n_inputs, n_neurons)
        self.biases = np.zeros((1, n_neurons))

    def forward(self, inputs):
        self.output = np.dot(inputs, self.weights) + self.biases

# Create dataset
X, y = spiral_data(samples=100, classes=3)
# Create Dense layer with 2 input features and 3 output values
dense1 = Layer_Dense(2, 3)
# Create ReLU activation (to be used with Dense layer):
activation1 = Activation_ReLU()
dense1.forward(X)
activation1.forward(dense1.output)
# Let's see output of the first few samples:
print(activation1.output[:5])""",
    5: """\
# Values from the previous output in Chapter 2, section 2.6
layer_outputs = [4.8, 1.21, 2.385]

# e - we use E here to match a common coding style where constants are uppercased
E = 2.71828182846  # you can also use math.e

# For each value in a vector, calculate the exponential value
exp_values = []
for output in layer_outputs:
    exp_values.append(E ** output)  # ** - power operator in Python

print('Exponentiated values:')
print(exp_values)""",
    6: """\
# Now normalize values
norm_base = sum(exp_values)
norm_values = []
for value in exp_values:
    norm_values.append(value / norm_base)

print('Normalized exponentiated values:')
print(norm_values)
print('Sum of normalized values:', sum(norm_values))""",
    9: """\
import numpy as np

print(np.exp(1))
print(np.exp(10))
print(np.exp(100))
print(np.exp(1000))""",
    10: """\
import numpy as np

print(np.exp(-np.inf), np.exp(0))""",
    14: """\
# In the same process as In[4], right after it (no new nnfs.init())
# Create dataset
X, y = spiral_data(samples=100, classes=3)
dense1 = Layer_Dense(2, 3)
activation1 = Activation_ReLU()
# Second Dense layer with 3 input features and 3 output values
dense2 = Layer_Dense(3, 3)
activation2 = Activation_Softmax()

dense1.forward(X)
activation1.forward(dense1.output)
dense2.forward(activation1.output)
activation2.forward(dense2.output)
# Let's see output of the first few samples:
print(activation2.output[:5])""",
}
