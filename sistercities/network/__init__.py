"""The sister-city network: graph and measures, layouts, figure, exports."""
